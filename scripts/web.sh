#!/usr/bin/env bash
# Installs the dashboard's npm packages (web/package-lock.json) into
# web/node_modules when they are missing or the lockfile changed; the API
# serves them from there (api/web.c). No build step.
. "$(dirname "$0")/common.sh"

WEB="$ROOT/web"
if [ -d "$WEB/node_modules" ] && cmp -s "$WEB/package-lock.json" "$WEB/node_modules/.lakmoes-lock"; then
	exit 0
fi
command -v npm >/dev/null 2>&1 || die "npm is missing: make deps installs it"
say "installing the dashboard's packages (npm ci in web/)"
(cd "$WEB" && npm ci --silent --no-audit --no-fund --ignore-scripts >/dev/null) ||
    die "npm ci in web/ failed"
cp "$WEB/package-lock.json" "$WEB/node_modules/.lakmoes-lock"
