#!/usr/bin/env bash
# Lints api/openapi.json with the API Design Rules ruleset (Spectral, from
# npm, installed once into .local/tools from tests/contract's lockfile).
# Fails on any warning or error.
. "$(dirname "$0")/common.sh"

TOOLS="$LOCAL/tools"
mkdir -p "$TOOLS"
if ! cmp -s "$ROOT/tests/contract/package-lock.json" "$TOOLS/package-lock.json" ||
    [ ! -x "$TOOLS/node_modules/.bin/spectral" ]; then
	say "installing Spectral (npm, test tooling only)"
	cp "$ROOT/tests/contract/package.json" "$ROOT/tests/contract/package-lock.json" "$TOOLS/"
	(cd "$TOOLS" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
"$TOOLS/node_modules/.bin/spectral" lint --fail-severity warn \
    -r "$ROOT/tests/contract/adr-ruleset.yaml" "$ROOT/api/openapi.json"
