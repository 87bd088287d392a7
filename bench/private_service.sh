# Sourced by the benchmark scripts that drive a real service: a private
# MariaDB and a dossierd in the caller's working directory, stopped on exit.
# The caller sets ROOT (the checkout), BUILD (the build directory) and WORK
# (a fresh temporary directory); this sets DB_DIR, DATA, LOG, daemon and BASE.
# DOSSIERD_ARGS, when set, adds flags to dossierd's command line.
# shellcheck shell=bash

DB_DIR="$WORK/mariadb"
DATA="$WORK/data"
LOG="$WORK/dossierd.log"
daemon=
db_started=

# Starts MariaDB, then dossierd with WORKERS worker processes on a free port,
# and returns once /readyz answers (the database reachable, a worker seen).
private_service_start() {
  local workers=$1 port='' ready='' _
  echo "starting a private MariaDB in $DB_DIR ..." >&2
  db_started=1
  "$ROOT/scripts/mariadb.sh" start "$DB_DIR"
  echo "starting dossierd (port 0, $workers workers) ..." >&2
  mkdir -p "$DATA"
  OMP_THREAD_LIMIT=1 "$BUILD/dossierd" --port 0 --data-dir "$DATA" \
    --db "$("$ROOT/scripts/mariadb.sh" url "$DB_DIR")" --workers "$workers" \
    ${DOSSIERD_ARGS:-} >"$LOG" 2>&1 &
  daemon=$!
  for _ in $(seq 1 600); do
    # The log may not exist yet: dossierd's shell opens it asynchronously.
    port=$(sed -n 's/.*"event":"started".*"port":"\{0,1\}\([0-9][0-9]*\).*/\1/p' "$LOG" \
      2>/dev/null | head -1 || true)
    [[ -n $port ]] && break
    private_service_alive || return 1
    sleep 0.1
  done
  [[ -n $port ]] || { echo "no \"started\" line from dossierd" >&2; tail -20 "$LOG" >&2; return 1; }
  BASE="http://127.0.0.1:$port"
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "$BASE/readyz" 2>/dev/null; then ready=1; break; fi
    private_service_alive || return 1
    sleep 0.1
  done
  [[ -n $ready ]] || { echo "dossierd not ready after 60 s" >&2; tail -20 "$LOG" >&2; return 1; }
  echo "dossierd ready on $BASE" >&2
}

private_service_alive() {
  kill -0 "$daemon" 2>/dev/null && return 0
  echo "dossierd exited" >&2
  tail -20 "$LOG" >&2
  return 1
}

private_service_stop() {
  if [[ -n $daemon ]] && kill -0 "$daemon" 2>/dev/null; then
    kill -TERM "$daemon"
    wait "$daemon" || true
  fi
  daemon=
  if [[ -n $db_started ]]; then
    "$ROOT/scripts/mariadb.sh" stop "$DB_DIR" || true
    db_started=
  fi
}

# shellcheck disable=SC2317  # called by the EXIT trap
private_service_cleanup() {
  trap - EXIT INT TERM
  private_service_stop
  if [[ ${KEEP_WORK:-0} == 1 ]]; then
    echo "working directory kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap private_service_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
