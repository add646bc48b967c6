-- wrk script for bench/monitor.sh's paced runs: each connection waits
-- PACE_MS milliseconds before each request, so that the connections offer
-- a set load (at most connections × 1000 / PACE_MS requests a second)
-- instead of as many requests as the server can answer. wrk does not
-- correct for coordinated omission: a stalled connection also delays its
-- next request, so the tail is, if anything, understated.
local pace = tonumber(os.getenv("PACE_MS") or "20")

delay = function()
	return pace
end
