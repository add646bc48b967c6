# Shared settings for the set-up scripts; sourced, never run.
#
# Paths: everything the project creates at run time lives under .local/
# (ignored by git). PostgreSQL refuses to run as root, so when the scripts
# run as root the cluster belongs to the unprivileged "postgres" account.

set -eu

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$ROOT/.local"
PGBIN=/usr/lib/postgresql/15/bin
DBNAME=lakmoes
PORT=${PORT:-8080}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The account that owns and runs a private cluster.
db_user() {
	if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

# Runs a command as the cluster's account.
as_db() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# Prints a random hex string (32 characters).
random_hex() {
	od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# A throw-away state directory for one test or benchmark run: STATE, under
# .local/ as NAME-XXXXXX, readable by the cluster's account (postgres, when
# run as root). On exit the processes listed in STATE_PIDS are stopped, then
# the cluster, and the directory is removed with it (kept with KEEP=1).
throwaway_state() {
	mkdir -p "$LOCAL"
	STATE=$(mktemp -d "$LOCAL/$1-XXXXXX")
	chmod 755 "$STATE"
	STATE_PIDS=""
	trap throwaway_cleanup EXIT
}

throwaway_cleanup() {
	local p
	for p in $STATE_PIDS; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	"$ROOT/scripts/db.sh" stop "$STATE" >/dev/null 2>&1 || true
	if [ -L "$STATE/pg" ]; then
		rm -rf "$(readlink "$STATE/pg")"
	fi
	if [ "${KEEP:-0}" = 1 ]; then
		say "kept $STATE"
	else
		rm -rf "$STATE"
	fi
}

# Prints, for a benchmark's header, whether the kernel schedules by
# autogroup. PostgreSQL makes every backend the leader of a session of its
# own, and with autogroup on each session is a scheduling group of its own:
# under load a backend ready to run can then wait over a second for a CPU
# while Kore and wrk run, and the latencies show it (README, "Measuring
# latency"). Autogroup applies only to processes in the root CPU cgroup.
bench_scheduler() {
	case "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null || echo absent)" in
	1) echo "# scheduler: autogroup on; latencies may stall for up to seconds" \
	       "(for figures without: sysctl -w kernel.sched_autogroup_enabled=0, as root)" ;;
	0) echo "# scheduler: autogroup off" ;;
	*) echo "# scheduler: no autogroup" ;;
	esac
}

# Writes the Kore configuration for a server to OUT: write_conf OUT BIND
# PORT DIR, with the pid file and the directory for large request bodies
# (http_body_disk_path) in DIR.
write_conf() {
	mkdir -p "$4/bodies"
	chmod 700 "$4/bodies"
	sed -e "s|@BIND@|$2|" -e "s|@PORT@|$3|" -e "s|@MODULE@|$ROOT/lakmoes.so|" \
	    -e "s|@PIDFILE@|$4/kore.pid|" -e "s|@BODYDIR@|$4/bodies|" \
	    "$ROOT/conf/lakmoes.conf.in" >"$1"
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
	local p
	for _ in $(seq 1 200); do
		p=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	die "no free port found"
}

# start_api LOG: the API for $STATE (its database, secrets and env.sh
# already loaded) on a free port, in the background, its output to LOG.
# Sets PORT and KORE_PID (also in STATE_PIDS, for throwaway_cleanup);
# returns once /v1/health answers and kore.pid is written, or dies with
# the log when kore exits first.
start_api() {
	PORT=$(free_port)
	write_conf "$STATE/lakmoes.conf" 127.0.0.1 "$PORT" "$STATE"
	TZ=UTC0 stdbuf -oL kore -c "$STATE/lakmoes.conf" -f -n -r >"$1" 2>&1 &
	KORE_PID=$!
	STATE_PIDS="$STATE_PIDS $KORE_PID"
	for _ in $(seq 1 100); do
		curl -fs "http://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1 && break
		kill -0 "$KORE_PID" 2>/dev/null || { cat "$1" >&2; die "kore did not start"; }
		sleep 0.1
	done
	for _ in $(seq 1 50); do
		[ -s "$STATE/kore.pid" ] && break
		sleep 0.1
	done
}
