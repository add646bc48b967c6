#!/usr/bin/env bash
# Benchmark (not a test): bulk loads of observations through
# POST /v1/waarnemingen against COPY of the same rows into the same table
# (same triggers: revision numbering, unit checks, change log, monitors),
# on a throw-away cluster. COPY runs in a transaction that is rolled back,
# and so does each API load (a trial run would skip the inserts: each load
# here stores, then the table is put back), so all start from the same
# state. Prints rows/s side by side with the ratio and its goal, and the
# peak memory of the worker that took the load, above its idle size.
#   make bench-load                 ROWS=100000 (ratio), then 64 MiB (memory)
#   ROWS=50000 BIG_MB=16 make bench-load
. "$(dirname "$0")/../scripts/common.sh"
unset LAKMOES_DATABASE_URL LAKMOES_API_DATABASE_URL

ROWS=${ROWS:-100000}
BIG_MB=${BIG_MB:-64}
throwaway_state bench

LAKMOES_DEMO=0 "$ROOT/scripts/setup.sh" "$STATE" fast >/dev/null
. "$ROOT/scripts/env.sh" "$STATE"
DB=$(cat "$STATE/database.url")
COLS="indicator_code, gebied_code, periode_code, waarde, teller, noemer, status, bron"

# rows FILE N: the first N of every indicator × gemeente × period that has
# begun, with values that fit each unit, as CSV with a header.
rows() {
	psql "$DB" -X -q -At -c "COPY (
	    SELECT i.indicator_code, g.gebied_code, p.periode_code,
	           CASE i.eenheid WHEN 'percentage' THEN 50 WHEN 'score' THEN 7.5 WHEN 'dagen' THEN 30 ELSE 100 END,
	           CASE i.eenheid WHEN 'percentage' THEN 100 END, CASE i.eenheid WHEN 'percentage' THEN 200 END,
	           'definitief', 'bench: synthetische lading voor de meting'
	      FROM monitoring.indicatoren i, ref.gebieden g, ref.perioden p
	     WHERE g.soort = 'gemeente' AND p.begin_date <= current_date
	     ORDER BY p.periode_code, i.indicator_code, g.gebied_code LIMIT $2)
	    TO STDOUT WITH (FORMAT csv, HEADER true)" |
	    sed '1s/.*/indicator,gebied,periode,waarde,teller,noemer,status,bron/' >"$1"
}

# json CSV JSON: the same rows as a JSON list.
json() {
	python3 - "$1" "$2" <<'PY'
import csv, json, sys
keys = ("indicator", "gebied", "periode", "waarde", "teller", "noemer", "status", "bron")
with open(sys.argv[1], newline="") as f, open(sys.argv[2], "w") as out:
    out.write("[")
    for i, r in enumerate(csv.DictReader(f)):
        o = {k: r[k] for k in keys if r[k] != ""}
        text = json.dumps(o)
        for k in ("waarde", "teller", "noemer"):      # the digits as they are, not a double
            if k in o:
                text = text.replace('"%s": "%s"' % (k, o[k]), '"%s": %s' % (k, o[k]))
        out.write(("," if i else "") + text)
    out.write("]")
PY
}

# copy_s CSV: seconds for COPY of the rows, rolled back.
copy_s() {
	local start
	start=$(date +%s.%N)
	psql "$DB" -X -q -v ON_ERROR_STOP=1 -c "BEGIN" \
	    -c "\\copy monitoring.waarnemingen ($COLS) FROM '$1' WITH (FORMAT csv, HEADER true)" -c "ROLLBACK"
	awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}'
}

workers() {
	local parent p
	parent=$(cat "$STATE/kore.pid")
	for p in /proc/[0-9]*; do
		[ "$(awk '{print $4}' "$p/stat" 2>/dev/null)" = "$parent" ] && echo "${p#/proc/}"
	done
}

kb() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status"; }

# api FILE TYPE: seconds for the load through the API, its answer, and the
# largest rise of a worker's peak memory over its size before, in MB;
# then the stored rows are taken out again (as the owner: the table is
# append-only for everyone else).
api() {
	local w s before max=0 rise
	for w in $(workers); do echo 5 >"/proc/$w/clear_refs"; done
	declare -A idle
	for w in $(workers); do idle[$w]=$(kb "$w" VmRSS); done
	s=$(curl -s -o "$STATE/answer.json" -w '%{time_total}' -X POST "http://127.0.0.1:$PORT/v1/waarnemingen" \
	    -H "Authorization: Bearer $TOKEN" -H "Content-Type: $2" --data-binary @"$1")
	for w in $(workers); do
		rise=$(( $(kb "$w" VmHWM) - ${idle[$w]} ))
		[ "$rise" -gt "$max" ] && max=$rise
	done
	psql "$DB" -X -q -c "ALTER TABLE monitoring.waarnemingen DISABLE TRIGGER waarnemingen_append_only" \
	    -c "DELETE FROM monitoring.waarnemingen WHERE bron LIKE 'bench:%'" \
	    -c "ALTER TABLE monitoring.waarnemingen ENABLE TRIGGER waarnemingen_append_only"
	echo "$s $(awk -v k="$max" 'BEGIN {printf "%.1f", k / 1024}') $(cat "$STATE/answer.json")"
}

start_api /dev/null
TOKEN=$("$ROOT/scripts/token.sh" programma "" bench 36000)
bench_scheduler

# result NAME ROWS COPY_ROWS_PER_S "API_S MB ANSWER"
result() {
	set -- "$1" "$2" "$3" $4
	printf "%-34s %9.0f rows/s  (%7.2f s)  %5.2f x COPY  peak worker memory +%s MB\n" \
	    "$1" "$(awk -v n="$2" -v s="$4" 'BEGIN {print n / s}')" "$4" \
	    "$(awk -v n="$2" -v s="$4" -v c="$3" 'BEGIN {print n / s / c}')" "$5"
}

# copied NAME ROWS SECONDS: prints COPY's line; sets RATE (rows/s).
copied() {
	RATE=$(awk -v n="$2" -v s="$3" 'BEGIN {print n / s}')
	printf "%-34s %9.0f rows/s  (%7.2f s)\n" "$1" "$RATE" "$3"
}

rows "$STATE/rows.csv" "$ROWS"
n=$(($(wc -l <"$STATE/rows.csv") - 1))
json "$STATE/rows.csv" "$STATE/rows.json"
echo "# bulk load: $n rows, $(du -h "$STATE/rows.csv" | cut -f1) of CSV, $(du -h "$STATE/rows.json" | cut -f1) of JSON"
copied "COPY (rolled back)" "$n" "$(copy_s "$STATE/rows.csv")"
a=$(api "$STATE/rows.csv" text/csv); result "POST /v1/waarnemingen, CSV" "$n" "$RATE" "$a"
a=$(api "$STATE/rows.json" application/json); result "POST /v1/waarnemingen, JSON" "$n" "$RATE" "$a"
echo "# goal: API >= 0.8 x COPY"

# A load of BIG_MB MiB: as many rows as fit.
rows "$STATE/all.csv" 10000000
head -c $((BIG_MB * 1024 * 1024)) "$STATE/all.csv" | sed '$d' >"$STATE/big.csv"
n=$(($(wc -l <"$STATE/big.csv") - 1))
json "$STATE/big.csv" "$STATE/big.json"
if [ "$(stat -c %s "$STATE/big.json")" -gt $((BIG_MB * 1024 * 1024)) ]; then
	# the JSON of the same rows is larger: as many as fit
	python3 - "$STATE/big.json" $((BIG_MB * 1024 * 1024)) <<'PY'
import sys
path, limit = sys.argv[1], int(sys.argv[2])
text = open(path).read()
cut = text.rindex("},", 0, limit - 1) + 1
open(path, "w").write(text[:cut] + "]")
PY
fi
echo
echo "# $BIG_MB MiB: $n rows of CSV ($(du -h "$STATE/big.csv" | cut -f1)), JSON $(du -h "$STATE/big.json" | cut -f1)"
copied "COPY (rolled back)" "$n" "$(copy_s "$STATE/big.csv")"
a=$(api "$STATE/big.csv" text/csv); result "POST /v1/waarnemingen, CSV" "$n" "$RATE" "$a"
echo "  answer: $(echo "$a" | cut -d' ' -f3-)"
nj=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$STATE/big.json")
a=$(api "$STATE/big.json" application/json); result "POST /v1/waarnemingen, JSON ($nj rows)" "$nj" "$RATE" "$a"
echo "  answer: $(echo "$a" | cut -d' ' -f3-)"
echo "# goals: the load completes; peak worker memory at most 64 MB above idle"
