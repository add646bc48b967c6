# Loads the API's configuration: conf/dev.env for whatever the environment
# does not set, then the database connection of a STATE directory. Sourced.
#   . scripts/env.sh STATE
_state=${1:-}
while IFS='=' read -r _k _v; do
	case "$_k" in ''|\#*) continue ;; esac
	if [ -z "${!_k:-}" ]; then
		export "$_k=$_v"
	fi
done <"$ROOT/conf/dev.env"
if [ -n "$_state" ] && [ -z "${LAKMOES_API_DATABASE_URL:-}" ]; then
	. "$_state/api.env"
	export LAKMOES_API_DATABASE_URL
fi
# the dashboard's files (web/, npm ci by scripts/web.sh)
export LAKMOES_WEB_DIR="${LAKMOES_WEB_DIR:-$ROOT/web}"
unset _state _k _v
