#!/usr/bin/env bash
# One hostile client against a private service, on this machine.
#
#   bench/hostile_client.sh BUILD_DIR
#
# Starts a private MariaDB and `dossierd --workers 2` in a temporary
# directory (bench/private_service.sh), then BUILD_DIR/hostile-sim: /healthz
# probed and the 10 Mo scan uploaded with the service alone, then again
# under 1 000 slow connections from this address (one byte every 10 s);
# a victim's CV alone, then behind one candidate's eight hostile PDFs.
# Prints the table; the figures go to BUILD_DIR/hostile_client.json.
#
# Environment: SLOW_CONNECTIONS (1000), BYTE_INTERVAL_MS (10000),
# ATTACK_SECONDS (30), WORKERS (2), DOSSIERD_ARGS (more flags for dossierd,
# e.g. "--max-waiting-per-address 2000" to hold every slow connection until
# its head deadline instead of closing the oldest), KEEP_WORK=1 keeps the
# working directory.
# Exit status: hostile-sim's (0: the service held, 1: it did not), 2 on usage.
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
BUILD=$(cd "$1" && pwd) || exit 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
for bin in dossier dossierd dossier-worker hostile-sim; do
  [[ -x $BUILD/$bin ]] || { echo "missing $BUILD/$bin: build it first" >&2; exit 2; }
done
WORK=$(mktemp -d)
# shellcheck source=bench/private_service.sh
source "$ROOT/bench/private_service.sh"
private_service_start "${WORKERS:-2}"
status=0
"$BUILD/hostile-sim" --url "$BASE" --data-dir "$DATA" --dossier "$BUILD/dossier" \
  --slow-connections "${SLOW_CONNECTIONS:-1000}" --byte-interval-ms "${BYTE_INTERVAL_MS:-10000}" \
  --attack-seconds "${ATTACK_SECONDS:-30}" --json "$BUILD/hostile_client.json" || status=$?
private_service_stop
echo "the gate at stop:" >&2
grep '"http_stopped"' "$LOG" | tail -1 >&2 || true
exit "$status"
