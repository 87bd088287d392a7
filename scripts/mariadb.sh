#!/usr/bin/env bash
# A private MariaDB in a directory, reached through a Unix socket only.
#   scripts/mariadb.sh start DIR     initialises DIR once (or brings a DIR made by an older
#                                    version of this script up to date), starts the server,
#                                    waits until it answers, makes sure of its accounts
#   scripts/mariadb.sh stop DIR      shuts it down cleanly
#   scripts/mariadb.sh url DIR       the service's DOSSIER_DB URL: user `dossier`, database `dossier`
#   scripts/mariadb.sh test-url DIR  a URL for the tests (DOSSIER_TEST_DB): user `dossier_test`,
#                                    which may create and drop only the databases `t_*`; creates
#                                    that account on first use (the server must be running)
# Prints nothing but errors; the server's own log is DIR/mariadb.err.
#
# Locked down:
# - DIR is mode 0700 and holds the socket (DIR/mariadb.sock): no other local user
#   can reach the server; no TCP (--skip-networking).
# - No anonymous account, no password-less account. The MariaDB account `root`
#   (and, when the script is run by someone else, the account named after that
#   OS user) authenticates by unix_socket only: whoever runs this script
#   administers the server, nobody else.
# - The service connects as `dossier` with a generated password kept in
#   DIR/service.password (0600), with privileges on the database `dossier` only.
# - INTO OUTFILE / LOAD DATA INFILE / LOAD_FILE() are confined to the empty
#   directory DIR/files (--secure-file-priv), and only administrators have the
#   FILE privilege anyway; LOAD DATA LOCAL is off (--local-infile=0).
# - Started by root, the server runs as the unprivileged system user `mysql`
#   (Debian's mariadb-server creates it) and DIR belongs to it; root keeps
#   access to everything. When that user is missing or cannot reach DIR (a
#   parent directory closed to others, such as /root or a mktemp directory),
#   the server runs as root, still locked down as above.
set -euo pipefail
action=${1:?start|stop|url|test-url}
dir=$(mkdir -p "${2:?directory}" && cd "$2" && pwd)
sock="$dir/mariadb.sock"
pidfile="$dir/mariadb.pid"
outdir="$dir/files"
tmpdir="$dir/tmp"
me=$(id -un)

service_user=dossier
service_db=dossier
test_user=dossier_test

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

# The OS user the server runs as (see above).
server_user() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "$me"
  elif id -u mysql >/dev/null 2>&1 &&
    setpriv --reuid=mysql --regid="$(id -g mysql)" --init-groups \
      test -x "$(dirname "$dir")" 2>/dev/null; then
    echo mysql
  else
    echo "$me"
  fi
}

# The password in DIR/NAME.password, generated on first use: 48 hex digits
# (URL-safe, no quoting needed in SQL).
password() {
  local file="$dir/$1.password"
  if [ ! -s "$file" ]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file.new")
    mv "$file.new" "$file"
  fi
  chmod 600 "$file"
  cat "$file"
}

# Runs SQL from stdin (never the command line, where `ps` would show passwords)
# as an administrator: the account named after the OS user (unix_socket), or,
# in a directory made by an older version of this script, the password-less root.
admin() {
  local user
  for user in "$me" root; do
    if mariadb --no-defaults --socket="$sock" -u"$user" -e 'SELECT 1' >/dev/null 2>&1; then
      mariadb --no-defaults --socket="$sock" -u"$user" --batch --skip-column-names
      return
    fi
  done
  echo "no administrator access to the MariaDB in $dir as $me" >&2
  return 1
}

# Idempotent: applied at every start, so it also upgrades an older directory
# (password-less root from anywhere, no service account).
secure_accounts() {
  local stale pw
  stale=$(admin <<<"SELECT CONCAT(QUOTE(user), '@', QUOTE(host)) FROM mysql.global_priv
                      WHERE user = '' OR (user = 'root' AND host <> 'localhost')" | paste -sd, -)
  pw=$(password service)
  {
    if [ -n "$stale" ]; then echo "DROP USER $stale;"; fi
    local admin_user
    for admin_user in root "$me"; do
      echo "CREATE USER IF NOT EXISTS '$admin_user'@'localhost' IDENTIFIED VIA unix_socket;"
      echo "ALTER USER '$admin_user'@'localhost' IDENTIFIED VIA unix_socket;"
      echo "GRANT ALL PRIVILEGES ON *.* TO '$admin_user'@'localhost' WITH GRANT OPTION;"
    done
    echo "CREATE USER IF NOT EXISTS '$service_user'@'localhost' IDENTIFIED BY '$pw';"
    echo "ALTER USER '$service_user'@'localhost' IDENTIFIED BY '$pw';"
    echo "GRANT ALL PRIVILEGES ON \`$service_db\`.* TO '$service_user'@'localhost';"
  } | admin
}

start() {
  case "$me" in *[!a-z0-9_.-]*) echo "unexpected user name: $me" >&2; exit 1 ;; esac
  if running; then secure_accounts; return 0; fi
  local srv
  srv=$(server_user)
  chmod 700 "$dir"
  mkdir -p "$outdir" "$tmpdir"
  chmod 700 "$outdir" "$tmpdir"
  touch "$dir/mariadb.err"
  if [ "$(id -u)" -eq 0 ]; then
    # Everything but the password files belongs to the server's user (this
    # also hands a root-owned directory of an older version over to it).
    chown -R "$srv:$(id -gn "$srv")" "$dir"
    find "$dir" -maxdepth 1 -name '*.password' -exec chown "$me:$(id -gn)" {} +
  fi
  if [ ! -d "$dir/db/mysql" ]; then
    mkdir -p "$dir/db"
    [ "$(id -u)" -ne 0 ] || chown "$srv:$(id -gn "$srv")" "$dir/db"
    mariadb-install-db --no-defaults --datadir="$dir/db" --user="$srv" \
      --auth-root-authentication-method=socket --auth-root-socket-user="$me" \
      --skip-test-db >"$dir/install.log" 2>&1 ||
      { cat "$dir/install.log" >&2; exit 1; }
  fi
  # Durable commits (the default innodb_flush_log_at_trx_commit=1): an
  # acknowledged upload survives a crash of the machine, not only of us.
  # setsid: a Ctrl-C on the caller's terminal reaches the caller, which then
  # stops the server cleanly, instead of killing the server mid-write.
  setsid mariadbd --no-defaults --datadir="$dir/db" --user="$srv" --socket="$sock" \
    --pid-file="$pidfile" --skip-networking --secure-file-priv="$outdir" --local-infile=0 \
    --tmpdir="$tmpdir" --log-error="$dir/mariadb.err" \
    --max-connections=500 --innodb-buffer-pool-size=256M </dev/null >>"$dir/mariadb.err" 2>&1 &
  for _ in $(seq 1 300); do
    if mariadb-admin --no-defaults --socket="$sock" ping >/dev/null 2>&1; then
      secure_accounts
      return 0
    fi
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
  echo "SHUTDOWN" | admin >/dev/null 2>&1 || kill "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

url() {
  if [ ! -s "$dir/service.password" ]; then
    echo "no service account yet in $dir: run $0 start $dir first" >&2
    exit 1
  fi
  echo "mysql://$service_user:$(cat "$dir/service.password")@localhost/$service_db?socket=$sock"
}

# The tests migrate and drop databases of their own, all named t_<random>
# (tests/db/TestDatabase.cpp, tests/web/harness.mjs): this account may do
# anything inside those, nothing elsewhere.
test_url() {
  local pw
  pw=$(password test)
  admin <<SQL
CREATE USER IF NOT EXISTS '$test_user'@'localhost' IDENTIFIED BY '$pw';
ALTER USER '$test_user'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON \`t\\_%\`.* TO '$test_user'@'localhost';
SQL
  echo "mysql://$test_user:$pw@localhost/t_dossier?socket=$sock"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  test-url) test_url ;;
  *) echo "usage: $0 start|stop|url|test-url DIR" >&2; exit 2 ;;
esac
