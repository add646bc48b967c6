#!/usr/bin/env bash
# Lints api/openapi.json with two independent linters from npm, installed
# once into .local/tools from tests/contract's lockfile (test tooling
# only): Spectral with the API Design Rules ruleset, failing on any warning,
# and Redocly CLI with its recommended rules (what a client generator
# trips over), failing on any error or warning.
. "$(dirname "$0")/common.sh"

TOOLS="$LOCAL/tools"
mkdir -p "$TOOLS"
if ! cmp -s "$ROOT/tests/contract/package-lock.json" "$TOOLS/package-lock.json" ||
    [ ! -x "$TOOLS/node_modules/.bin/spectral" ] || [ ! -x "$TOOLS/node_modules/.bin/redocly" ]; then
	say "installing Spectral and Redocly CLI (npm, test tooling only)"
	cp "$ROOT/tests/contract/package.json" "$ROOT/tests/contract/package-lock.json" "$TOOLS/"
	(cd "$TOOLS" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
"$TOOLS/node_modules/.bin/spectral" lint --fail-severity warn \
    -r "$ROOT/tests/contract/adr-ruleset.yaml" "$ROOT/api/openapi.json" || exit 1
# no telemetry, no update check (and no network on a build machine);
# warnings fail as errors do
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
    "$TOOLS/node_modules/.bin/redocly" lint --format json "$ROOT/api/openapi.json" 2>/dev/null |
    python3 -c '
import json, sys
d = json.load(sys.stdin)
for p in d["problems"]:
    print("redocly %s %s: %s at %s" % (p["severity"], p["ruleId"], p["message"], p["location"][0]["pointer"]))
t = d["totals"]
print("redocly: %d errors, %d warnings" % (t["errors"], t["warnings"]))
sys.exit(1 if t["errors"] or t["warnings"] else 0)'
