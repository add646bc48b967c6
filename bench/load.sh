#!/usr/bin/env bash
# Benchmark (not a test): a CSV bulk load of ~100k observations through
# POST /v1/waarnemingen against COPY of the same rows into the same table
# (same triggers: revision numbering, unit checks, change log), on a
# throw-away cluster. COPY runs inside a transaction that is rolled back,
# so both start from the same state. Prints rows/s for both and the ratio.
#   make bench-load        (ROWS_YEARS=11 → 342 × 28 × 11 ≈ 105k rows)
. "$(dirname "$0")/../scripts/common.sh"
unset LAKMOES_DATABASE_URL LAKMOES_API_DATABASE_URL

YEARS=${ROWS_YEARS:-11}
throwaway_state bench

LAKMOES_DEMO=0 "$ROOT/scripts/setup.sh" "$STATE" fast >/dev/null
. "$ROOT/scripts/env.sh" "$STATE"
DB=$(cat "$STATE/database.url")

# Every gemeente × indicator × year, with values that fit each unit.
psql "$DB" -X -q -At -c "COPY (
    SELECT i.indicator_code, g.gebied_code, y::text,
           CASE i.eenheid WHEN 'percentage' THEN 50 WHEN 'score' THEN 7.5 WHEN 'dagen' THEN 30 ELSE 100 END,
           CASE i.eenheid WHEN 'percentage' THEN 100 END, CASE i.eenheid WHEN 'percentage' THEN 200 END,
           'definitief', 'bench'
      FROM monitoring.indicatoren i, ref.gebieden g, generate_series(2015, 2014 + $YEARS) y
     WHERE g.soort = 'gemeente' ORDER BY 1, 2, 3)
    TO STDOUT WITH (FORMAT csv, HEADER true)" |
    sed '1s/.*/indicator,gebied,periode,waarde,teller,noemer,status,bron/' >"$STATE/rows.csv"
ROWS=$(($(wc -l <"$STATE/rows.csv") - 1))
echo "# bulk load: $ROWS rows, $(du -h "$STATE/rows.csv" | cut -f1) of CSV"

start=$(date +%s.%N)
psql "$DB" -X -q -v ON_ERROR_STOP=1 \
    -c "BEGIN" \
    -c "\\copy monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer, status, bron) FROM '$STATE/rows.csv' WITH (FORMAT csv, HEADER true)" \
    -c "ROLLBACK"
copy_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')

PORT=$(free_port)
write_conf "$STATE/lakmoes.conf" 127.0.0.1 "$PORT" "$STATE"
TZ=UTC0 stdbuf -oL kore -c "$STATE/lakmoes.conf" -f -n -r >/dev/null 2>&1 &
STATE_PIDS=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/v1/health" && break; sleep 0.1; done
TOKEN=$("$ROOT/scripts/token.sh" programma "" bench 3600)
dry_s=$(curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$PORT/v1/waarnemingen?proefrun=true" \
    -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" --data-binary @"$STATE/rows.csv")
echo "dry run (checks and counts only): ${dry_s} s"
api_s=$(curl -s -o "$STATE/answer.json" -w '%{time_total}' -X POST "http://127.0.0.1:$PORT/v1/waarnemingen" \
    -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" --data-binary @"$STATE/rows.csv")
echo "API answer: $(cat "$STATE/answer.json")"
awk -v n="$ROWS" -v c="$copy_s" -v a="$api_s" 'BEGIN {
	printf "COPY (rolled back): %8.0f rows/s  (%.2f s)\n", n / c, c
	printf "POST /v1/waarnemingen: %5.0f rows/s  (%.2f s)\n", n / a, a
	printf "ratio API/COPY: %.2f (goal >= 0.5)\n", c / a
}'
