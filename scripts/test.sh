#!/usr/bin/env bash
# `make test`: a throw-away PostgreSQL cluster and a free port, then the
# unit (C, cmocka), SQL (pgTAP via pg_prove), contract (two OpenAPI
# linters), HTTP (pytest against a real server on the real cluster) and
# browser (Playwright in Debian's Chromium against that server) suites. Cleans up; exits non-zero when any
# suite failed. LAKMOES_DATABASE_URL is ignored: tests never touch a real
# database.
. "$(dirname "$0")/common.sh"
unset LAKMOES_DATABASE_URL LAKMOES_API_DATABASE_URL

throwaway_state test

say "test cluster in $STATE"
LAKMOES_DEMO=1 "$ROOT/scripts/setup.sh" "$STATE" fast
DBURL=$(cat "$STATE/database.url")
psql "$DBURL" -X -q -v ON_ERROR_STOP=1 -f "$ROOT/tests/sql/setup/tap.sql"

failed=""

say "unit tests (C)"
for t in "$ROOT"/tests/unit/test_*; do
	case "$t" in *.c) continue ;; esac
	(cd "$ROOT" && "$t") || failed="$failed unit:$(basename "$t")"
done

say "SQL tests (pgTAP; from the root, where the golden files' paths start)"
cd "$ROOT"
PGHOST=$("$ROOT/scripts/db.sh" socket "$STATE") PGUSER=lakmoes_admin PGDATABASE=$DBNAME \
    pg_prove --ext .sql "$ROOT"/tests/sql/*.sql || failed="$failed sql"

say "contract: OpenAPI against the API Design Rules (Spectral) and Redocly's rules"
"$ROOT/scripts/lint-openapi.sh" || failed="$failed contract"

say "HTTP tests (real server, real cluster)"
. "$ROOT/scripts/env.sh" "$STATE"
"$ROOT/scripts/web.sh" || failed="$failed web"
start_api "$STATE/kore.log"
LAKMOES_TEST_URL="http://127.0.0.1:$PORT" LAKMOES_TEST_STATE="$STATE" \
    LAKMOES_TEST_ROOT="$ROOT" \
    /usr/bin/python3 -m pytest -q -p no:cacheprovider "$ROOT/tests/http" || failed="$failed http"

say "browser tests (Playwright, Debian's Chromium, axe-core; screenshots in $LOCAL/screenshots)"
LAKMOES_TEST_URL="http://127.0.0.1:$PORT" "$ROOT/scripts/test-browser.sh" || failed="$failed browser"

if [ -n "$failed" ]; then
	say "FAILED:$failed (server log: keep it with KEEP=1 make test)"
	exit 1
fi
say "all suites passed"
