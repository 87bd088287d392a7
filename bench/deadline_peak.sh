#!/usr/bin/env bash
# The deadline peak, end to end, on this machine: the one command to run.
#
#   bench/deadline_peak.sh BUILD_DIR [DOSSIERS] [CONCURRENCY]   (defaults 200 and 100)
#
# Starts a private MariaDB in a temporary directory (scripts/mariadb.sh) and
# `dossierd --port 0 --workers N` on it (N = cores, OMP_THREAD_LIMIT=1), as
# service_roundtrip.sh does; generates the reference dossier once
# (BUILD_DIR/dossier-fixtures reference); runs BUILD_DIR/deadline-sim against
# the service (DOSSIERS candidates on the deadline curve, at most CONCURRENCY
# uploading at once), then the command-line peer on PEER_DOSSIERS dossiers;
# stops everything and prints the table. The report goes to
# BUILD_DIR/deadline_peak.json, the chart to BUILD_DIR/deadline_peak.svg.
#
# Environment: PEER_DOSSIERS (default 6), WORKERS (default: cores),
# UPLINK_MBIT (default 20: each candidate uploads at 20 Mbit/s, a phone on
# 4G or home Wi-Fi; 0 sends as fast as loopback takes it), SIM_NICE
# (default 5: the simulated browsers yield the processor to the service, as
# real ones run elsewhere; this only delays the simulator's own readings),
# SIM_ARGS (more deadline-sim flags, e.g. "--surge-factor 10"), KEEP_WORK=1
# keeps the working directory (service data and log, MariaDB, inputs).
#
# Exit status: deadline-sim's (0: no error, 1: errors, see the table), 2 on
# usage or a missing tool.
set -euo pipefail

usage() {
  echo "usage: $0 BUILD_DIR [DOSSIERS] [CONCURRENCY]" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 3 ]] || usage
BUILD=$(cd "$1" && pwd) || usage
DOSSIERS=${2:-200}
CONCURRENCY=${3:-100}
[[ $DOSSIERS =~ ^[1-9][0-9]*$ && $CONCURRENCY =~ ^[1-9][0-9]*$ ]] || usage
PEER_DOSSIERS=${PEER_DOSSIERS:-6}
WORKERS=${WORKERS:-$(nproc)}
UPLINK_MBIT=${UPLINK_MBIT:-20}
SIM_NICE=${SIM_NICE:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JSON_OUT="$BUILD/deadline_peak.json"

for tool in img2pdf gs qpdf pdftoppm tesseract mariadbd mariadb-install-db mariadb-admin curl; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done
for binary in dossierd dossier-worker dossier dossier-fixtures deadline-sim; do
  [[ -x $BUILD/$binary ]] || { echo "$0: $BUILD/$binary not built" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/deadline_peak.XXXXXX")
# shellcheck source=bench/private_service.sh
source "$ROOT/bench/private_service.sh"

echo "generating the reference dossier in $WORK/ref ..." >&2
"$BUILD/dossier-fixtures" reference "$WORK/ref" >/dev/null

private_service_start "$WORKERS"

# Only this service's processes are sampled, not another MariaDB on the machine.
set +e
# shellcheck disable=SC2086  # SIM_ARGS is a list of flags
nice -n "$SIM_NICE" "$BUILD/deadline-sim" --url "$BASE" --dossiers "$DOSSIERS" --concurrency "$CONCURRENCY" \
  --peer-dossiers "$PEER_DOSSIERS" --json "$JSON_OUT" --data-dir "$DATA" \
  --fixtures "$WORK/ref" --dossier-bin "$BUILD/dossier" --uplink-mbit "$UPLINK_MBIT" \
  --watch-pid "$daemon" --watch-pid "$(cat "$DB_DIR/mariadb.pid")" ${SIM_ARGS:-} >"$WORK/table.txt"
status=$?
set -e
private_service_stop
echo
cat "$WORK/table.txt"
exit "$status"
