#!/usr/bin/env bash
# A private MariaDB in a directory, reached through a Unix socket only.
#   scripts/mariadb.sh start DIR   initialises DIR once, starts the server, waits until it answers
#   scripts/mariadb.sh stop DIR    shuts it down cleanly
#   scripts/mariadb.sh url DIR     the DOSSIER_DB URL of that server
# Prints nothing but errors; the server's own log is DIR/mariadb.err.
set -euo pipefail
action=${1:?start|stop|url}
dir=$(mkdir -p "${2:?directory}" && cd "$2" && pwd)
sock="$dir/mariadb.sock"
pidfile="$dir/mariadb.pid"

url() { echo "mysql://root@localhost/dossier?socket=$sock"; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
  if running; then return 0; fi
  if [ ! -d "$dir/db/mysql" ]; then
    mkdir -p "$dir/db"
    mariadb-install-db --no-defaults --datadir="$dir/db" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 ||
      { cat "$dir/install.log" >&2; exit 1; }
  fi
  # Durable commits (the default innodb_flush_log_at_trx_commit=1): an
  # acknowledged upload survives a crash of the machine, not only of us.
  # setsid: a Ctrl-C on the caller's terminal reaches the caller, which then
  # stops the server cleanly, instead of killing the server mid-write.
  setsid mariadbd --no-defaults --datadir="$dir/db" --user="$(id -un)" --socket="$sock" \
    --pid-file="$pidfile" --skip-networking --log-error="$dir/mariadb.err" \
    --max-connections=500 --innodb-buffer-pool-size=256M </dev/null >>"$dir/mariadb.err" 2>&1 &
  for _ in $(seq 1 300); do
    if mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "mariadb did not start; see $dir/mariadb.err" >&2
  tail -20 "$dir/mariadb.err" >&2 || true
  exit 1
}

stop() {
  if ! running; then return 0; fi
  local pid
  pid=$(cat "$pidfile")
  mariadb-admin --no-defaults --socket="$sock" -uroot shutdown >/dev/null 2>&1 || kill "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

case "$action" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: $0 start|stop|url DIR" >&2; exit 2 ;;
esac
