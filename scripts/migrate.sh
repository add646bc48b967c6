#!/usr/bin/env bash
# Applies sql/migrations/V###__*.sql in order, each in one transaction and
# recorded in public.schema_migrations with its checksum, then re-applies
# sql/repeatable/R__*.sql, all of them in file order, when any of them
# changed or a versioned migration ran.
#   scripts/migrate.sh ADMIN_URL
# A versioned migration that was edited after it ran stops the run: write a
# new migration instead.
. "$(dirname "$0")/common.sh"

URL=${1:?usage: migrate.sh ADMIN_URL}
# Migrations read reference files relative to the project root (\copy).
cd "$ROOT"
PSQL=(psql "$URL" -X -q -v ON_ERROR_STOP=1 --no-psqlrc)

"${PSQL[@]}" <<'SQL'
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS public.schema_migrations (
	version text PRIMARY KEY,
	name text NOT NULL,
	checksum text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS public.schema_repeatables (
	name text PRIMARY KEY,
	checksum text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON public.schema_migrations, public.schema_repeatables FROM PUBLIC;
SQL

applied=$("${PSQL[@]}" -At -c "SELECT version || ' ' || checksum FROM public.schema_migrations")
ran=0
for f in "$ROOT"/sql/migrations/V[0-9][0-9][0-9]__*.sql; do
	[ -e "$f" ] || continue
	base=$(basename "$f" .sql)
	version=${base%%__*}
	sum=$(sha256sum "$f" | cut -d' ' -f1)
	old=$(printf '%s\n' "$applied" | awk -v v="$version" '$1 == v {print $2}')
	if [ -n "$old" ]; then
		[ "$old" = "$sum" ] || die "$base was changed after it was applied; add a new migration instead"
		continue
	fi
	say "migration $base"
	"${PSQL[@]}" --single-transaction -f "$f" \
	    -c "RESET ROLE; INSERT INTO public.schema_migrations (version, name, checksum)
	        VALUES ('$version', '${base#*__}', '$sum')" >/dev/null
	ran=1
done

# Repeatables depend on each other in file order (R__01_…, R__02_…) and a
# later one may hold objects that an earlier one drops with CASCADE: when
# anything changed, all of them are applied again, in order.
changed=$ran
for f in "$ROOT"/sql/repeatable/R__*.sql; do
	[ -e "$f" ] || continue
	name=$(basename "$f" .sql)
	sum=$(sha256sum "$f" | cut -d' ' -f1)
	old=$("${PSQL[@]}" -At -c "SELECT checksum FROM public.schema_repeatables WHERE name = '$name'")
	[ "$old" = "$sum" ] || changed=1
done
[ "$changed" -eq 1 ] || exit 0
for f in "$ROOT"/sql/repeatable/R__*.sql; do
	[ -e "$f" ] || continue
	name=$(basename "$f" .sql)
	sum=$(sha256sum "$f" | cut -d' ' -f1)
	say "repeatable $name"
	"${PSQL[@]}" --single-transaction -f "$f" \
	    -c "RESET ROLE; INSERT INTO public.schema_repeatables (name, checksum) VALUES ('$name', '$sum')
	        ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()" >/dev/null
done
