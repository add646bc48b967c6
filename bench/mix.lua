-- wrk script for bench/monitor.sh's memory run: cycles through what
-- dashboards, BI exports and careless clients ask of the monitors.
-- LAST is the latest quarter with data.
local last = os.getenv("LAST") or "2026-Q3"
local csv = { ["Accept"] = "text/csv" }
local requests = {
	{ "/v1/sectormonitor?indicator=EFF_TIJDIGHEID&gebied=GM0363", nil },
	{ "/v1/sectormonitor?indicator=EFF_TIJDIGHEID&periode=" .. last, nil },
	{ "/v1/sectormonitor?gebied=NL&periode=" .. last, csv },
	{ "/v1/sectormonitor?indicator=EFF_TIJDIGHEID&periode=" .. last .. "&limit=1000", csv },
	{ "/v1/transitiemonitor", nil },
	{ "/v1/sectormonitor?gebied=XX99", nil },
	{ "/v1/sectormonitor?limit=5&cursor=bm90LWEtY3Vyc29y", nil },
	{ "/v1/sectormonitor?limit=0", nil },
	{ "/v1/sectormonitor/EFF_TIJDIGHEID", nil },
}
local i = 0

request = function()
	i = i % #requests + 1
	return wrk.format("GET", requests[i][1], requests[i][2])
end
