#!/usr/bin/env bash
# Brings a database up to date and writes the connection files into STATE.
#   scripts/setup.sh STATE [fast]
#
# Without LAKMOES_DATABASE_URL: a private cluster in STATE/pg (see db.sh).
# With it: that existing database; its user must be able to create roles.
#
# Writes (mode 0600):
#   STATE/database.url  owner connection (migrations, psql, tools)
#   STATE/bi.url        read-only BI login (schema bi only)
#   STATE/api.env       LAKMOES_API_DATABASE_URL for the API (authenticator)
. "$(dirname "$0")/common.sh"

STATE=${1:?usage: setup.sh STATE [fast]}
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
umask 077

# Passwords for the API's and the BI tools' logins, made once per STATE.
if [ ! -f "$STATE/secrets.env" ]; then
	{
		echo "AUTHENTICATOR_PASSWORD=$(random_hex)"
		echo "BI_PASSWORD=$(random_hex)"
	} >"$STATE/secrets.env"
fi
. "$STATE/secrets.env"

# Replaces the user and password of a postgresql:// URL or a key=value string.
with_login() {
	local url=$1 user=$2 pw=$3 rest
	case "$url" in
	postgres://*|postgresql://*)
		rest=${url#*://}
		case "${rest%%/*}" in *@*) rest=${rest#*@} ;; esac
		# Drop a user or password given as query parameters as well.
		rest=$(printf '%s' "$rest" | sed -E 's/([?&])(user|password)=[^&]*&?/\1/g; s/[?&]$//')
		case "$rest" in *\?*) sep='&' ;; *) sep='?' ;; esac
		echo "postgresql://$rest${sep}user=$user&password=$pw&connect_timeout=2"
		;;
	*)	echo "$url user=$user password=$pw connect_timeout=2" ;;
	esac
}

if [ -n "${LAKMOES_DATABASE_URL:-}" ]; then
	ADMIN_URL=$LAKMOES_DATABASE_URL
	API_URL=${LAKMOES_API_DATABASE_URL:-$(with_login "$ADMIN_URL" lakmoes_authenticator "$AUTHENTICATOR_PASSWORD")}
	BI_URL=$(with_login "$ADMIN_URL" lakmoes_bi "$BI_PASSWORD")
else
	"$ROOT/scripts/db.sh" init "$STATE" "${2:-}"
	RUN=$("$ROOT/scripts/db.sh" socket "$STATE")
	if ! psql -X -At -h "$RUN" -U lakmoes_admin -d postgres \
	    -c "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'" | grep -q 1; then
		say "creating database $DBNAME"
		psql -X -q -h "$RUN" -U lakmoes_admin -d postgres -c "CREATE DATABASE $DBNAME"
	fi
	ADMIN_URL="postgresql:///$DBNAME?host=$RUN&user=lakmoes_admin"
	API_URL="host=$RUN dbname=$DBNAME user=lakmoes_authenticator password=$AUTHENTICATOR_PASSWORD connect_timeout=2"
	BI_URL="postgresql:///$DBNAME?host=$RUN&user=lakmoes_bi&password=$BI_PASSWORD"
fi

"$ROOT/scripts/migrate.sh" "$ADMIN_URL"

# Login passwords are not part of the migrations: they belong to this install.
psql "$ADMIN_URL" -X -q -v ON_ERROR_STOP=1 \
    -v apw="$AUTHENTICATOR_PASSWORD" -v bpw="$BI_PASSWORD" <<'SQL'
SET client_min_messages = warning;
ALTER ROLE lakmoes_authenticator PASSWORD :'apw';
ALTER ROLE lakmoes_bi PASSWORD :'bpw';
SQL

# Demo data: synthetic, clearly labelled, loaded only where asked for.
if [ "${LAKMOES_DEMO:-1}" = 1 ]; then
	for f in "$ROOT"/sql/demo/*.sql; do
		[ -e "$f" ] || continue
		psql "$ADMIN_URL" -X -q -v ON_ERROR_STOP=1 --single-transaction -f "$f"
	done
fi

echo "$ADMIN_URL" >"$STATE/database.url"
echo "$BI_URL" >"$STATE/bi.url"
echo "LAKMOES_API_DATABASE_URL='$API_URL'" >"$STATE/api.env"
