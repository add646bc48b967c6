#!/usr/bin/env bash
# Container start: wait for the database, migrate, then serve on 0.0.0.0.
# Needs LAKMOES_DATABASE_URL (owner connection), LAKMOES_API_DATABASE_URL
# (the authenticator login) and the LAKMOES_JWT_* settings.
. "$(dirname "$0")/common.sh"
: "${LAKMOES_DATABASE_URL:?set LAKMOES_DATABASE_URL}"
: "${LAKMOES_API_DATABASE_URL:?set LAKMOES_API_DATABASE_URL}"

for _ in $(seq 1 60); do
	psql "$LAKMOES_DATABASE_URL" -X -qAt -c 'SELECT 1' >/dev/null 2>&1 && break
	sleep 1
done
"$ROOT/scripts/migrate.sh" "$LAKMOES_DATABASE_URL"
if [ -n "${LAKMOES_AUTHENTICATOR_PASSWORD:-}" ]; then
	psql "$LAKMOES_DATABASE_URL" -X -q -v ON_ERROR_STOP=1 \
	    -v apw="$LAKMOES_AUTHENTICATOR_PASSWORD" -v bpw="${LAKMOES_BI_PASSWORD:-}" <<'SQL'
ALTER ROLE lakmoes_authenticator PASSWORD :'apw';
SELECT CASE WHEN :'bpw' <> '' THEN 1 END AS bi \gset
\if :{?bi}
ALTER ROLE lakmoes_bi PASSWORD :'bpw';
\endif
SQL
fi

# Resolve the database host here: a worker's sandbox has no DNS (KORE.md §2).
case "$LAKMOES_API_DATABASE_URL" in
*host=db*)
	addr=$(getent hosts db | awk '{print $1; exit}')
	export LAKMOES_API_DATABASE_URL="$LAKMOES_API_DATABASE_URL hostaddr=$addr gssencmode=disable"
	;;
esac

mkdir -p /tmp/lakmoes
write_conf /tmp/lakmoes/lakmoes.conf 0.0.0.0 "${PORT:-8080}" /tmp/lakmoes
# the workers write large request bodies there
chown lakmoes /tmp/lakmoes/bodies
# In the container: chroot-free, but workers drop to the lakmoes account.
echo "runas lakmoes" >>/tmp/lakmoes/lakmoes.conf
export TZ=UTC0
exec stdbuf -oL kore -c /tmp/lakmoes/lakmoes.conf -f -n
