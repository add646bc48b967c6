#!/usr/bin/env bash
# The write fuzzer against a throw-away cluster and server, as scripts/test.sh
# starts them:
#   tests/fuzz/run.sh [N] [fuzz_writes.py options, e.g. --seed 42 --threads 8]
# N write requests (default 50000). Prints the summary; exits 1 when a check
# failed. The summary and the bodies of failing requests too large to print
# go to FUZZ_OUT (default .local/fuzz-results); KEEP=1 keeps the cluster and
# the server log under .local/fuzz-*.
. "$(dirname "$0")/../../scripts/common.sh"
unset LAKMOES_DATABASE_URL LAKMOES_API_DATABASE_URL

N=${1:-50000}
[ $# -gt 0 ] && shift
case "$N" in ''|*[!0-9]*) die "usage: tests/fuzz/run.sh [N] [options]" ;; esac
OUT=${FUZZ_OUT:-$LOCAL/fuzz-results}

throwaway_state fuzz
say "fuzz cluster in $STATE"
LAKMOES_DEMO=1 "$ROOT/scripts/setup.sh" "$STATE" fast
. "$ROOT/scripts/env.sh" "$STATE"
start_api "$STATE/kore.log"

say "fuzzing http://127.0.0.1:$PORT with $N write requests"
rc=0
LAKMOES_FUZZ_URL="http://127.0.0.1:$PORT" LAKMOES_FUZZ_STATE="$STATE" \
    /usr/bin/python3 "$ROOT/tests/fuzz/fuzz_writes.py" --requests "$N" --out "$OUT" "$@" || rc=$?
say "summary and failing bodies in $OUT"
exit $rc
