#!/usr/bin/env bash
# Benchmark (not a test) of the monitors at national scale: 342 gemeenten ×
# every indicator × 40 quarters, two revisions each, on a throw-away
# cluster. Prints the full and incremental mart refresh times, then wrk
# against GET /v1/sectormonitor with typical filters next to pgbench
# running the endpoint's bare SELECT with the simple and the prepared
# protocol and the API's whole message around that SELECT (same
# concurrency, same run), the endpoint's latency with the same connections
# offering PACE_PERCENT % (default 50) of the load they reached
# (bench/paced.lua), and the workers' memory before and after. Then the
# workers' memory over a mix of requests (bench/mix.lua: JSON, CSV, large
# pages, refusals), printed per worker every 30 s up to MEMORY_REQUESTS.
# Never fails on speed.
#   make bench-monitor                       10 s per run, 32 connections, 1M requests
#   DURATION=60s CONNS=32 MEMORY_REQUESTS=0 PACE_PERCENT=75 make bench-monitor
. "$(dirname "$0")/../scripts/common.sh"
unset LAKMOES_DATABASE_URL LAKMOES_API_DATABASE_URL

DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
MEMORY_REQUESTS=${MEMORY_REQUESTS:-1000000}
PACE_PERCENT=${PACE_PERCENT:-50}
throwaway_state bench

LAKMOES_DEMO=0 "$ROOT/scripts/setup.sh" "$STATE" fast >/dev/null
. "$ROOT/scripts/env.sh" "$STATE"
URL=$(cat "$STATE/database.url")
q() { psql "$URL" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

echo "# Lakmoes monitor bench: $(nproc) cores; PostgreSQL, Kore and wrk on one machine"
bench_scheduler
echo
echo "## national-scale data (generated without triggers, then the marts computed in full)"
q <<'SQL'
SET session_replication_role = replica;
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, revisie, waarde, teller,
    noemer, status, bron, recorded_by)
SELECT i.indicator_code, g.gebied_code, q.periode_code, r.revisie,
       CASE WHEN i.eenheid = 'percentage' THEN round(100.0 * t.teller / t.noemer, 2)
            WHEN i.aggregatie = 'ratio' THEN round(t.teller / t.noemer, 1)
            ELSE t.teller END,
       CASE WHEN i.aggregatie = 'ratio' THEN t.teller END, CASE WHEN i.aggregatie = 'ratio' THEN t.noemer END,
       CASE r.revisie WHEN 1 THEN 'voorlopig' ELSE 'definitief' END, 'BENCH', 'bench'
  FROM monitoring.indicatoren i
 CROSS JOIN ref.gebieden g
 CROSS JOIN (SELECT periode_code FROM ref.perioden WHERE soort = 'kwartaal' AND eind_date < current_date
              ORDER BY begin_date DESC LIMIT 40) q
 CROSS JOIN (VALUES (1), (2)) r(revisie)
 CROSS JOIN LATERAL (SELECT (hashtext(i.indicator_code || g.gebied_code || q.periode_code || r.revisie)
                             & 1023)::numeric AS h) x
 CROSS JOIN LATERAL (SELECT 10 + x.h * 4 AS noemer,
                            CASE WHEN i.eenheid = 'percentage' THEN round((10 + x.h * 4) * 0.3)
                                 WHEN i.eenheid = 'score' THEN round((10 + x.h * 4) * 7)
                                 WHEN i.eenheid = 'dagen' THEN round((10 + x.h * 4) * 35)
                                 ELSE 1 + x.h END AS teller) t
 WHERE g.soort = 'gemeente';
-- what the insert trigger keeps up to date (mart.na_waarnemingen)
INSERT INTO mart.actueel
SELECT DISTINCT ON (w.indicator_code, w.gebied_code, w.periode_code)
       w.indicator_code, w.gebied_code, w.periode_code, w.revisie, w.waarde, w.teller, w.noemer, w.status,
       w.bron, w.recorded_at
  FROM monitoring.waarnemingen w
 ORDER BY w.indicator_code, w.gebied_code, w.periode_code, w.revisie DESC;
SQL
echo "observations: $(q -c 'SELECT count(*) FROM monitoring.waarnemingen')"
q -c "VACUUM ANALYZE monitoring.waarnemingen" -c "VACUUM ANALYZE mart.actueel"
q <<'SQL'
\timing on
\echo full refresh, sector monitor, into the empty mart (rows written):
SELECT mart.sectormonitor_verversen();
\echo full refresh, transition monitor:
SELECT mart.transitiemonitor_verversen();
SQL
q -c "VACUUM ANALYZE mart.sectormonitor"
echo "sector monitor rows: $(q -c 'SELECT count(*) FROM mart.sectormonitor')"
echo "withheld cells (small / secondary suppression, of all published cells of counts):" \
    "$(q -c "SELECT count(*) FILTER (WHERE geheimhouding = 'geheim' AND NOT secundair) || ' / ' ||
                    count(*) FILTER (WHERE secundair) || ' of ' || count(*)
               FROM mart.sectormonitor s JOIN monitoring.indicatoren i USING (indicator_code)
              WHERE i.eenheid = 'aantal' AND s.waarde IS NOT NULL")"
q <<'SQL'
\timing on
\echo full refresh, sector monitor, nothing changed (a repeatable re-applied; rows written):
SELECT mart.sectormonitor_verversen();
\echo a new disclosure threshold, 15 and back to 10: the published values only (each statement, with its refresh):
SELECT set_config('request.jwt.claims', '{"sub":"bench"}', false) \g /dev/null
UPDATE monitoring.instellingen SET waarde = '15' WHERE sleutel = 'onthulling_drempel';
UPDATE monitoring.instellingen SET waarde = '10' WHERE sleutel = 'onthulling_drempel';
SQL
q -c "VACUUM ANALYZE mart.sectormonitor"
q <<'SQL'
\timing on
\echo BI: every current observation with disclosure control (sum over bi.waarnemingen):
SELECT sum(waarde) FROM bi.waarnemingen;
SQL

LAST=$(q -c "SELECT max(periode_code) FROM monitoring.waarnemingen")
echo
echo "## incremental refresh: one delivery (the statement, with its triggers and the refresh)"
q <<SQL
\timing on
SELECT set_config('request.jwt.claims', '{"sub":"bench"}', false);
\echo a proeftuin quarter: every indicator for PT01 in $LAST
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
SELECT indicator_code, 'PT01', '$LAST', 7, 'voorlopig', 'BENCH' FROM monitoring.indicatoren
 WHERE aggregatie = 'som';
\echo a CBS delivery: one indicator for all 342 gemeenten in $LAST
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
SELECT 'BM_KINDEREN', gebied_code, '$LAST', 11, 'definitief', 'BENCH' FROM ref.gebieden WHERE soort = 'gemeente';
SQL
# The reads below measure a settled mart: the deliveries' dead rows
# vacuumed and their pages written out first, not pruned by the readers or
# flushed by a checkpoint in the middle of a run.
q -c "VACUUM ANALYZE mart.sectormonitor" -c "CHECKPOINT"

start_api /dev/null

rss_each() { ps -o rss= --ppid "$(cat "$STATE/kore.pid")" 2>/dev/null | tr -s ' \n' ' '; }
rss() { rss_each | xargs | tr ' ' '+' | bc; }

bench() {	# bench QUERY-STRING WHAT WHERE: wrk on the endpoint, pgbench on its bare SELECT
	echo
	echo "## GET /v1/sectormonitor?$1 ($2)"
	# Unreported warm-up: the workers' first connections and their
	# backends' caches are not what a running service pays per request.
	wrk -t2 -c"$CONNS" -d2s "http://127.0.0.1:$PORT/v1/sectormonitor?$1" >/dev/null
	local out rate pace
	out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$PORT/v1/sectormonitor?$1")
	echo "$out" | grep -E 'Requests/sec|Latency|^ +(50|90|99)%|Non-2xx|Socket errors'
	# The same connections offering PACE_PERCENT of that load: the latency
	# of a service with room to spare, where a saturated closed loop can
	# only show connections / throughput (Little's law).
	rate=$(echo "$out" | awk -v p="$PACE_PERCENT" '/Requests\/sec/ {printf "%d", $2 * p / 100}')
	pace=$(( CONNS * 1000 / (rate > 0 ? rate : 1) ))
	echo "paced: $CONNS connections, each waiting ${pace} ms before a request (at most about $rate req/s offered, $PACE_PERCENT% of the above):"
	PACE_MS=$pace wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s "$ROOT/bench/paced.lua" \
	    "http://127.0.0.1:$PORT/v1/sectormonitor?$1" | grep -E 'Requests/sec|^ +(50|90|99)%|Non-2xx|Socket errors'
	local select="SELECT s.* FROM api.sectormonitor s WHERE (s.indicator, s.periode, s.gebied) > ('', '', '') $3 ORDER BY s.indicator, s.periode, s.gebied LIMIT 101"
	echo "$select;" >"$STATE/q.sql"
	# The API keeps this statement prepared (api/db.c); pgbench's prepared
	# mode shows the bare SELECT without parsing and planning as well.
	for mode in simple prepared; do
		echo "pgbench, the bare SELECT, $CONNS clients, $mode protocol:"
		pgbench -n -M "$mode" -c "$CONNS" -j 2 -T "${DURATION%s}" -f "$STATE/q.sql" "$URL" 2>/dev/null |
		    grep -E "^tps|latency average"
	done
	# The same SELECT in the API's whole message, as the API sends it for
	# an anonymous caller: one simple-protocol message (\; joins the
	# statements) as the API's login, the statement prepared on each
	# connection's first message and executed from then on. Next to the
	# prepared bare SELECT this is what the per-request wrapper costs in
	# the database, without HTTP and Kore.
	local begin="BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY \\; SELECT set_config('role', 'publiek', true), set_config('request.jwt.claims', '{}', true), set_config('lakmoes.request_id', '0123456789abcdef0123456789abcdef', true), set_config('statement_timeout', '15s', true) \\;"
	cat >"$STATE/message.sql" <<-EOF
	\if :prepared
	$begin EXECUTE q \\; COMMIT;
	\else
	$begin PREPARE q AS $select \\; EXECUTE q \\; COMMIT;
	\set prepared 1
	\endif
	EOF
	echo "pgbench, the API's whole message with that SELECT prepared, $CONNS clients, as the API's login:"
	pgbench -n -M simple -D prepared=0 -c "$CONNS" -j 2 -T "${DURATION%s}" -f "$STATE/message.sql" \
	    "$LAKMOES_API_DATABASE_URL" 2>/dev/null | grep -E "^tps|latency average"
}

echo
echo "worker RSS before (kB, all workers): $(rss)"
bench "indicator=EFF_TIJDIGHEID&gebied=GM0363" "a time series: 40 quarters and the half years and years derived from them, some 70 rows" \
    "AND s.indicator = 'EFF_TIJDIGHEID' AND s.gebied = 'GM0363'"
bench "indicator=EFF_TIJDIGHEID&periode=$LAST" "a map: the first page of 100 of 458 areas" \
    "AND s.indicator = 'EFF_TIJDIGHEID' AND s.periode = '$LAST'"
bench "gebied=NL&periode=$LAST" "a national overview: every indicator" \
    "AND s.gebied = 'NL' AND s.periode = '$LAST'"
echo
echo "worker RSS after (kB, all workers): $(rss)"

[ "$MEMORY_REQUESTS" -gt 0 ] || exit 0
echo
echo "## worker memory over $MEMORY_REQUESTS requests (bench/mix.lua, $CONNS connections)"
echo "requests  RSS per worker (kB)"
total=0
echo "$total  $(rss_each)"
while [ "$total" -lt "$MEMORY_REQUESTS" ]; do
	n=$(LAST=$LAST wrk -t2 -c"$CONNS" -d30s -s "$ROOT/bench/mix.lua" "http://127.0.0.1:$PORT" |
	    awk '/requests in/ {print $1}')
	total=$((total + n))
	echo "$total  $(rss_each)"
done
