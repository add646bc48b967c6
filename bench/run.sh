#!/usr/bin/env bash
# Benchmarks (not tests): wrk against /v1/health and /v1/sessie of the real
# API on a throw-away cluster, next to a Kore hello world on the same
# machine; gzip's cost next to its saving. Prints requests/s and latency
# percentiles; never fails on speed.
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

# gzip: cost (requests/s) next to saving (bytes) for a page of 1,000
# sector-monitor rows and a small one, identity and gzip at levels 1
# (the default), 6 and 9, each level a server of its own (LAKMOES_GZIP_LEVEL).
PAGE="/v1/sectormonitor?limit=1000"
SMALL="/v1/gemeenten?regio=JZ13"
gzrun() {	# gzrun LABEL PORT PATH [ENCODING]
	local rps bytes hdr=()
	[ -n "${4:-}" ] && hdr=(-H "Accept-Encoding: $4")
	bytes=$(curl -s "${hdr[@]}" -o /dev/null -w '%{size_download}' "http://127.0.0.1:$2$3")
	rps=$(wrk -t2 -c"$CONNS" -d"$DURATION" "${hdr[@]}" "http://127.0.0.1:$2$3" | awk '/Requests\/sec/ {print $2}')
	printf '%-34s %10s req/s %10s bytes/response\n' "$1" "$rps" "$bytes"
}
echo
echo "## gzip: GET $PAGE (and $SMALL), same run"
for level in 6 9; do
	eval "GPORT$level=$(free_port)"
	port=$(eval echo "\$GPORT$level")
	mkdir -p "$STATE/gzip$level"
	write_conf "$STATE/gzip$level/lakmoes.conf" 127.0.0.1 "$port" "$STATE/gzip$level"
	LAKMOES_GZIP_LEVEL=$level serve "$STATE/gzip$level/lakmoes.conf" /dev/null "$port"
done
gzrun "1,000 rows, identity" "$APORT" "$PAGE"
gzrun "1,000 rows, gzip level 1 (default)" "$APORT" "$PAGE" gzip
gzrun "1,000 rows, gzip level 6" "$GPORT6" "$PAGE" gzip
gzrun "1,000 rows, gzip level 9" "$GPORT9" "$PAGE" gzip
gzrun "6 rows, identity" "$APORT" "$SMALL"
gzrun "6 rows, gzip level 1" "$APORT" "$SMALL" gzip

# The data path's limit: the bare statement through pgbench, same
# concurrency, same machine, without the role/claims wrapper.
echo
echo "## pgbench: bare SELECT api.health(), $CONNS clients (the data path's limit)"
echo "SELECT api.health();" >"$STATE/health.sql"
pgbench -n -c "$CONNS" -j 2 -T "${DURATION%s}" -f "$STATE/health.sql" "$(cat "$STATE/database.url")" 2>/dev/null |
    grep -E "^tps|latency average"
