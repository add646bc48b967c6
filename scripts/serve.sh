#!/usr/bin/env bash
# `make run`: private database (or LAKMOES_DATABASE_URL), migrations,
# reference and demo data, then the API in the foreground on
# 127.0.0.1:${PORT:-8080}. Ctrl-C stops the API and the private cluster;
# the data stays in .local/.
. "$(dirname "$0")/common.sh"

"$ROOT/scripts/setup.sh" "$LOCAL"
"$ROOT/scripts/web.sh"
. "$ROOT/scripts/env.sh" "$LOCAL"

if [ -z "${LAKMOES_DATABASE_URL:-}" ]; then
	trap '"$ROOT/scripts/db.sh" stop "$LOCAL"' EXIT
fi

conf="$LOCAL/lakmoes.conf"
write_conf "$conf" "${BIND:-127.0.0.1}" "$PORT" "$LOCAL"

say "Lakmoes on http://${BIND:-127.0.0.1}:$PORT/v1, the dashboard on http://${BIND:-127.0.0.1}:$PORT/ (Ctrl-C stops)"
say "owner connection: .local/database.url, BI connection: .local/bi.url"
say "a token: make token ROLE=programma"
# TZ without a file to read keeps the sandbox happy (KORE.md §2.2); -n -r:
# no chroot, no privilege drop (development). Line-buffered logs.
export TZ=UTC0
stdbuf -oL kore -c "$conf" -f -n -r
