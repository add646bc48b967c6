#!/usr/bin/env bash
# Installs the Debian packages Lakmoes needs, only those that are missing.
#   scripts/deps.sh run    what `make run` needs (build + database)
#   scripts/deps.sh test   that plus the test runners
#   scripts/deps.sh bench  that plus wrk
. "$(dirname "$0")/common.sh"

run_pkgs="gcc make libc6-dev pkg-config kore libjansson-dev libjwt-dev libpq-dev libxlsxwriter-dev libxxhash-dev zlib1g-dev
	postgresql-15 postgresql-client-15 coreutils util-linux python3 python3-jwt
	python3-cryptography"
test_pkgs="postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl libcmocka-dev libssl-dev
	python3-pytest python3-openpyxl python3-jsonschema curl chromium fonts-dejavu-core"
bench_pkgs="wrk postgresql-contrib"

case "${1:-run}" in
run)	want="$run_pkgs" ;;
test)	want="$run_pkgs $test_pkgs" ;;
bench)	want="$run_pkgs $test_pkgs $bench_pkgs" ;;
*)	die "usage: $0 run|test|bench" ;;
esac

missing=""
for p in $want; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
# The dashboard's packages (web/), the contract lint (Spectral, Redocly)
# and the browser tests (Playwright) come from npm: Debian's nodejs and npm
# unless the machine already has them.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0

say "installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	die "missing packages:$missing (run as root or install sudo)"
fi
export DEBIAN_FRONTEND=noninteractive
# An old or empty package list cannot find the packages: refresh it first.
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
