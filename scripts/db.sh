#!/usr/bin/env bash
# Manages a private PostgreSQL 15 cluster in a directory of its own.
#   scripts/db.sh init  DIR [fast]   create (once) and start; "fast" turns fsync off
#   scripts/db.sh start DIR          start if not running
#   scripts/db.sh stop  DIR          stop if running
#   scripts/db.sh restart DIR        fast restart (used by the tests)
#
# Layout: DIR/data (cluster), DIR/run (unix socket, no TCP), DIR/log.
# Only the cluster's own account may use the socket directory; the superuser
# lakmoes_admin logs in without a password there, every other role needs its
# password (scram-sha-256).
. "$(dirname "$0")/common.sh"

cmd=${1:-}
DIR=${2:-}
[ -n "$cmd" ] && [ -n "$DIR" ] || die "usage: $0 init|start|stop|restart DIR [fast]"
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

# The cluster's account must reach DIR, and the socket path must fit in
# sun_path (107 bytes). When the checkout cannot give both (a home directory
# closed to others, a very deep path), the cluster lives in /var/tmp and DIR
# holds a link to it.
cluster_home() {
	local sock="$DIR/pg/run/.s.PGSQL.5432" alt
	if [ -L "$DIR/pg" ] || [ -d "$DIR/pg" ]; then
		echo "$DIR/pg"
		return
	fi
	if [ ${#sock} -lt 100 ] && as_db test -x "$DIR" 2>/dev/null &&
	    as_db test -w "$DIR" 2>/dev/null; then
		echo "$DIR/pg"
		return
	fi
	if [ ${#sock} -lt 100 ] && [ "$(id -u)" -eq 0 ]; then
		mkdir -p "$DIR/pg"
		chown "$(db_user)" "$DIR/pg"
		if as_db test -w "$DIR/pg" 2>/dev/null; then
			echo "$DIR/pg"
			return
		fi
		rmdir "$DIR/pg"
	fi
	alt=/var/tmp/lakmoes-$(printf '%s' "$DIR" | sha1sum | cut -c1-12)
	mkdir -p "$alt"
	[ "$(id -u)" -eq 0 ] && chown "$(db_user)" "$alt"
	ln -sfn "$alt" "$DIR/pg"
	echo "$DIR/pg"
}

PG=$(readlink -f "$(cluster_home)")
DATA="$PG/data"
RUN="$PG/run"
LOG="$PG/log"

running() {
	[ -f "$DATA/postmaster.pid" ] && as_db "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
	running && return 0
	# A crash can leave a stale pid file behind; pg_ctl handles that itself.
	as_db "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG/postgres.log" -w -t 60 start >/dev/null ||
	    { tail -n 20 "$LOG/postgres.log" >&2; die "PostgreSQL did not start (log: $LOG/postgres.log)"; }
}

init() {
	local fast=${1:-}
	if [ ! -f "$DATA/PG_VERSION" ]; then
		say "creating PostgreSQL cluster in $PG"
		mkdir -p "$DATA" "$RUN" "$LOG"
		if [ "$(id -u)" -eq 0 ]; then
			chown -R "$(db_user)" "$PG/"
		fi
		chmod 700 "$DATA" "$RUN"
		as_db "$PGBIN/initdb" -D "$DATA" -U lakmoes_admin -E UTF8 \
		    --locale=C.UTF-8 --auth-local=trust --auth-host=reject >/dev/null
		{
			echo "listen_addresses = ''"
			echo "unix_socket_directories = '$RUN'"
			echo "unix_socket_permissions = 0700"
			echo "port = 5432"
			echo "timezone = 'UTC'"
			echo "log_timezone = 'UTC'"
			echo "password_encryption = 'scram-sha-256'"
			echo "max_connections = 100"
			if [ "$fast" = fast ]; then
				echo "fsync = off"
				echo "synchronous_commit = off"
				echo "full_page_writes = off"
			fi
		} | as_db tee -a "$DATA/postgresql.conf" >/dev/null
		printf '%s\n' \
		    "# TYPE DATABASE USER AUTH" \
		    "local all lakmoes_admin trust" \
		    "local all all scram-sha-256" | as_db tee "$DATA/pg_hba.conf" >/dev/null
	fi
	start
}

case "$cmd" in
init)	init "${3:-}" ;;
start)	start ;;
stop)	running && as_db "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true ;;
restart)
	as_db "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG/postgres.log" -m fast -w restart >/dev/null ;;
socket)	echo "$RUN" ;;
*)	die "unknown command $cmd" ;;
esac
