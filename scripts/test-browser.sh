#!/usr/bin/env bash
# The browser tests: Playwright (npm, from tests/browser's lockfile, into
# tests/browser/node_modules; no browser download) driving Debian's
# Chromium headless against the API at LAKMOES_TEST_URL, with axe-core's
# WCAG 2.1 A/AA rules. A screenshot of each view goes to $ARTEFACTS
# (default .local/screenshots).
. "$(dirname "$0")/common.sh"

DIR="$ROOT/tests/browser"
if ! [ -d "$DIR/node_modules" ] || ! cmp -s "$DIR/package-lock.json" "$DIR/node_modules/.lakmoes-lock"; then
	say "installing Playwright and axe-core (npm, test tooling only)"
	(cd "$DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund >/dev/null) ||
	    die "npm ci in tests/browser failed"
	cp "$DIR/package-lock.json" "$DIR/node_modules/.lakmoes-lock"
fi
[ -x /usr/bin/chromium ] || die "Debian's chromium is missing: make deps installs it (scripts/deps.sh test)"
export ARTEFACTS="${ARTEFACTS:-$LOCAL/screenshots}"
mkdir -p "$ARTEFACTS"
cd "$DIR" && "$DIR/node_modules/.bin/playwright" test --config "$DIR/playwright.config.js"
