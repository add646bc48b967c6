#!/usr/bin/env bash
# `make token ROLE=… [ORG=…] [SUB=…] [TTL=…]`: prints a development token
# signed with the secret from conf/dev.env (or the environment).
. "$(dirname "$0")/common.sh"

role=${1:-}
[ -n "$role" ] || die "usage: make token ROLE=aanleveraar|programma|opdrachtgever|onderzoeker [ORG=code] [SUB=id] [TTL=seconds]"
. "$ROOT/scripts/env.sh" ""
exec /usr/bin/python3 "$ROOT/scripts/devtoken.py" --role "$role" --org "${2:-}" \
    --sub "${3:-}" --ttl "${4:-3600}"
