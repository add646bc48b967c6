#!/usr/bin/env bash
# Benchmarks (not tests): wrk against /v1/health and /v1/sessie of the real
# API on a throw-away cluster, next to a Kore hello world on the same
# machine. Prints requests/s and latency percentiles; never fails on speed.
#   make bench                  defaults: 10 s per run, 64 connections
#   DURATION=30s CONNS=128 make bench
. "$(dirname "$0")/../scripts/common.sh"
unset LAKMOES_DATABASE_URL LAKMOES_API_DATABASE_URL

DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
throwaway_state bench

serve() {	# serve CONF LOG: starts kore, waits until the port answers
	TZ=UTC0 stdbuf -oL kore -c "$1" -f -n -r >"$2" 2>&1 &
	STATE_PIDS="$STATE_PIDS $!"
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "http://127.0.0.1:$3/v1/health" && return 0
		sleep 0.1
	done
	die "server on port $3 did not start"
}

run() {	# run NAME URL [HEADER]
	echo
	echo "## $1"
	if [ -n "${3:-}" ]; then
		wrk -t2 -c"$CONNS" -d"$DURATION" --latency -H "$3" "$2"
	else
		wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$2"
	fi | grep -E 'Requests/sec|Latency|^ +(50|90|99)%|Non-2xx|Socket errors'
}

"$ROOT/scripts/setup.sh" "$STATE" fast >/dev/null
. "$ROOT/scripts/env.sh" "$STATE"

# Hello world, built like the API.
cc -O2 -fPIC -shared $(cat /usr/share/kore/features) -o "$STATE/hello.so" "$ROOT/bench/hello/hello.c"
HPORT=$(free_port)
printf 'server b {\n\tbind 127.0.0.1 %s\n\ttls no\n}\nload %s\nworkers 2\npidfile %s\nhttp_hsts_enable 0\ndomain * {\n\tattach b\n\troute ^/ page_hello\n}\n' \
    "$HPORT" "$STATE/hello.so" "$STATE/hello.pid" >"$STATE/hello.conf"
serve "$STATE/hello.conf" "$STATE/hello.log" "$HPORT"

APORT=$(free_port)
write_conf "$STATE/lakmoes.conf" 127.0.0.1 "$APORT" "$STATE"
serve "$STATE/lakmoes.conf" /dev/null "$APORT"
TOKEN=$("$ROOT/scripts/token.sh" programma "" bench 3600)

echo "# Lakmoes bench: $(nproc) cores, wrk -t2 -c$CONNS -d$DURATION, wrk, PostgreSQL and Kore on one machine"
bench_scheduler
run "kore hello world (baseline, no database)" "http://127.0.0.1:$HPORT/"
run "GET /v1/health (publiek; one message: BEGIN; set_config; SELECT api.health(); COMMIT)" "http://127.0.0.1:$APORT/v1/health"
run "GET /v1/sessie (JWT HS256 verify + the same one-message transaction)" "http://127.0.0.1:$APORT/v1/sessie" "Authorization: Bearer $TOKEN"
run "GET /v1/gemeenten?regio=JZ13 (6 rows through list.c)" "http://127.0.0.1:$APORT/v1/gemeenten?regio=JZ13"
run "GET /v1/openapi.json (no database)" "http://127.0.0.1:$APORT/v1/openapi.json"

# The data path's limit: the bare statement through pgbench, same
# concurrency, same machine, without the role/claims wrapper.
echo
echo "## pgbench: bare SELECT api.health(), $CONNS clients (the data path's limit)"
echo "SELECT api.health();" >"$STATE/health.sql"
pgbench -n -c "$CONNS" -j 2 -T "${DURATION%s}" -f "$STATE/health.sql" "$(cat "$STATE/database.url")" 2>/dev/null |
    grep -E "^tps|latency average"
