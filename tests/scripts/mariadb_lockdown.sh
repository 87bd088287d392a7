#!/usr/bin/env bash
# The private MariaDB of scripts/mariadb.sh is locked down, freshly initialised
# and after upgrading a directory made by the previous version of the script:
# another local user cannot reach its socket; the service account cannot write
# or read files outside the server's own directory nor touch another database;
# no account is anonymous or password-less; root authenticates by unix_socket
# only; the password file is 0600; secure_file_priv is set; no TCP listener;
# local_infile is OFF. Also checks the URLs the script prints (`url`,
# `test-url`) against the real `dossier migrate`.
#
#   tests/scripts/mariadb_lockdown.sh [CHECKOUT] [BUILD_DIR]
# Needs root, to create (and delete) a throwaway OS user; exits 77 (skipped)
# otherwise. Starts its own servers in a temporary directory, stops them on exit.
set -euo pipefail
checkout=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${2:-$checkout/build}
mariadb_sh="$checkout/scripts/mariadb.sh"

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: needs root, to probe the socket as a throwaway OS user (useradd)"
  exit 77
fi
for tool in mariadbd mariadb-install-db mariadb mariadb-admin useradd userdel setpriv; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
[ -x "$build/dossier" ] || { echo "SKIP: $build/dossier not built"; exit 77; }

work=$(mktemp -d /tmp/dossier-lockdown.XXXXXX)
# Open to everyone: what must keep the throwaway user (and only it) out is
# the server's own directory, not this one.
chmod 755 "$work"
probe="dlk$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
outfile="/tmp/$probe-outfile"
dirs=()
probe_created=

cleanup() {
  local d
  for d in "${dirs[@]}"; do "$mariadb_sh" stop "$d" || true; done
  if [ -n "$probe_created" ]; then userdel "$probe" 2>/dev/null || true; fi
  rm -rf "$work" "$outfile"
}
trap cleanup EXIT

for _ in 1 2 3 4 5; do
  if useradd --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$probe" \
    2>"$work/useradd.err"; then
    probe_created=1
    break
  fi
  sleep 1  # /etc/passwd locked by another useradd
done
[ -n "$probe_created" ] || { cat "$work/useradd.err"; echo "FAIL: useradd $probe"; exit 1; }
probe_gid=$(id -g "$probe")

failures=0
pass() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
# check DESCRIPTION COMMAND...: the command must succeed.
check() {
  local what=$1
  shift
  if "$@" >"$work/last.out" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/      /' "$work/last.out"; fi
}
# refuse DESCRIPTION COMMAND...: the command must fail.
refuse() {
  local what=$1
  shift
  if "$@" >"$work/last.out" 2>&1; then fail "$what (it succeeded)"; sed 's/^/      /' "$work/last.out"; else pass "$what"; fi
}
equal() {  # equal DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: expected '$2', got '$3'"; fi
}

as_probe() { setpriv --reuid="$probe" --regid="$probe_gid" --clear-groups "$@"; }
# SQL as the administrator: root, through unix_socket (no password).
admin() {
  mariadb --no-defaults --socket="$sock" -uroot --batch --skip-column-names -e "$1"
}
# SQL as the service account, its password from the file, never on a command line.
service() {
  MYSQL_PWD=$(cat "$dir/service.password") \
    mariadb --no-defaults --socket="$sock" -udossier --batch --skip-column-names -e "$1"
}

# Sockets of the server process that listen on TCP (none expected).
tcp_listeners() {
  local pid=$1 inodes
  inodes=$(find "/proc/$pid/fd" -lname 'socket:*' -printf '%l\n' 2>/dev/null |
    sed 's/socket:\[\(.*\)\]/\1/' | sort -u)
  [ -n "$inodes" ] || return 0
  # /proc/net/tcp{,6}: state 0A is LISTEN; field 10 is the inode.
  awk -v list="$inodes" 'BEGIN { n = split(list, a, "\n"); for (i = 1; i <= n; i++) mine[a[i]] = 1 }
       FNR > 1 && $4 == "0A" && ($10 in mine) { print $2 }' /proc/net/tcp /proc/net/tcp6
}

# Accounts that can log in (not locked, not a role) with a password method
# (at top level, or any alternative of IDENTIFIED VIA … OR …) whose hash is empty.
empty_password_accounts() {
  local password_plugins="'mysql_native_password', 'mysql_old_password', 'ed25519', 'parsec'"
  admin "SELECT CONCAT(g.user, '@', g.host) FROM mysql.global_priv g
    WHERE IFNULL(JSON_EXTRACT(g.priv, '$.account_locked'), 'false') <> 'true'
      AND IFNULL(JSON_EXTRACT(g.priv, '$.is_role'), 'false') <> 'true'
      AND ((IFNULL(JSON_VALUE(g.priv, '$.plugin'), 'mysql_native_password') IN ($password_plugins)
            AND IFNULL(JSON_VALUE(g.priv, '$.authentication_string'), '') = '')
        OR EXISTS (SELECT 1 FROM JSON_TABLE(IFNULL(JSON_EXTRACT(g.priv, '$.auth_or'), '[]'), '\$[*]'
                     COLUMNS (plugin VARCHAR(64) PATH '$.plugin',
                              auth TEXT PATH '$.authentication_string')) m
                   WHERE m.plugin IN ($password_plugins) AND IFNULL(m.auth, '') = ''))
    ORDER BY 1" | paste -sd' ' -
}

lockdown_checks() {
  local pid pw secure outcome
  pid=$(cat "$dir/mariadb.pid")
  pw=$(cat "$dir/service.password" 2>/dev/null || true)

  echo "-- files"
  equal "server directory is 0700" 700 "$(stat -c %a "$dir")"
  check "socket is inside it" test -S "$sock"
  equal "password file is 0600" 600 "$(stat -c %a "$dir/service.password")"
  equal "password file belongs to whoever runs the script" root "$(stat -c %U "$dir/service.password")"
  if id -u mysql >/dev/null 2>&1; then
    equal "server runs as the unprivileged user mysql" mysql "$(ps -o user= -p "$pid" | tr -d ' ')"
    equal "server directory belongs to mysql" mysql "$(stat -c %U "$dir")"
  fi

  echo "-- another local user ($probe)"
  check "can reach the directory that holds the server's" as_probe test -x "$(dirname "$dir")"
  refuse "cannot read the password file" as_probe cat "$dir/service.password"
  refuse "cannot see the socket" as_probe test -e "$sock"
  refuse "cannot connect as the service, even with its password" \
    as_probe env MYSQL_PWD="$pw" mariadb --no-defaults --socket="$sock" -udossier -e 'SELECT 1'
  refuse "cannot connect as root" as_probe mariadb --no-defaults --socket="$sock" -uroot -e 'SELECT 1'

  echo "-- the service account"
  check "can create its database's tables" \
    service "CREATE DATABASE IF NOT EXISTS dossier; CREATE TABLE IF NOT EXISTS dossier.lockdown_probe (a TEXT)"
  rm -f "$outfile"
  refuse "SELECT … INTO OUTFILE '$outfile' fails" service "SELECT 'x' INTO OUTFILE '$outfile'"
  refuse "… and wrote nothing" test -e "$outfile"
  secure=$(admin "SELECT @@secure_file_priv" || true)
  refuse "INTO OUTFILE fails even in secure_file_priv" service "SELECT 'x' INTO OUTFILE '${secure}probe'"
  equal "LOAD_FILE('/etc/passwd') reads nothing" NULL "$(service "SELECT LOAD_FILE('/etc/passwd')")"
  refuse "LOAD DATA INFILE '/etc/passwd' fails" \
    service "LOAD DATA INFILE '/etc/passwd' INTO TABLE dossier.lockdown_probe"
  refuse "LOAD DATA LOCAL INFILE fails" env MYSQL_PWD="$pw" \
    mariadb --no-defaults --local-infile=1 --socket="$sock" -udossier \
    -e "LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE dossier.lockdown_probe"
  refuse "cannot create another database" service "CREATE DATABASE lockdown_other"
  refuse "cannot read mysql.global_priv" service "SELECT COUNT(*) FROM mysql.global_priv"
  equal "has no global privilege" "" \
    "$(service "SHOW GRANTS" | grep ' ON \*\.\* ' | grep -v '^GRANT USAGE ON' || true)"
  service "DROP TABLE IF EXISTS dossier.lockdown_probe" || true

  echo "-- accounts"
  equal "no anonymous account" 0 "$(admin "SELECT COUNT(*) FROM mysql.global_priv WHERE user = ''")"
  outcome=$(empty_password_accounts)
  equal "no account with an empty password" "" "$outcome"
  local user
  for user in $(admin "SELECT user FROM mysql.global_priv WHERE host = 'localhost' AND user <> 'root'"); do
    refuse "$user cannot log in with an empty password" \
      mariadb --no-defaults --socket="$sock" -u"$user" --password= -e 'SELECT 1'
  done
  equal "root only at localhost, by unix_socket only" "localhost unix_socket" \
    "$(admin "SELECT CONCAT(host, ' ', JSON_VALUE(priv, '$.plugin')) FROM mysql.global_priv
              WHERE user = 'root'
              AND IFNULL(JSON_LENGTH(priv, '$.auth_or'), 1) <= 1" | paste -sd' ' -)"
  equal "only root holds FILE" root "$(admin "SELECT user FROM mysql.user WHERE File_priv = 'Y'" | paste -sd' ' -)"

  echo "-- server settings"
  equal "secure_file_priv is the server's empty directory" "$dir/files/" "$secure"
  equal "… which is empty" "" "$(ls -A "$dir/files")"
  equal "local_infile is OFF" OFF "$(admin "SELECT IF(@@local_infile, 'ON', 'OFF')")"
  equal "skip_networking is ON" ON "$(admin "SELECT IF(@@skip_networking, 'ON', 'OFF')")"
  equal "the server listens on no TCP port (3306 or any)" "" "$(tcp_listeners "$pid" | paste -sd' ' -)"
  if awk 'FNR > 1 && $4 == "0A" && $2 ~ /:0CEA$/ { found = 1 } END { exit !found }' \
    /proc/net/tcp /proc/net/tcp6; then
    echo "note: another process listens on port 3306 (not this server)"
  fi
}

url_checks() {
  local url test_url t
  url=$("$mariadb_sh" url "$dir" || true)
  if [[ $url =~ ^mysql://dossier:[0-9a-f]{48}@localhost/dossier\?socket=${sock}$ ]]; then
    pass "url: mysql://dossier:<48 hex>@localhost/dossier?socket=$sock"
  else
    fail "url has an unexpected form: ${url//:[0-9a-f]*@/:***@}"
  fi
  check "dossier migrate through that URL" env DOSSIER_DB="$url" "$build/dossier" migrate
  equal "the service account owns the schema" 1 \
    "$(service "SELECT COUNT(*) FROM dossier.schema_version WHERE version = 1")"

  test_url=$("$mariadb_sh" test-url "$dir" || true)
  t=t_lockdown_$$
  check "test-url: dossier migrate into a database t_*" env DOSSIER_DB="${test_url/t_dossier/$t}" \
    "$build/dossier" migrate
  tester() {
    MYSQL_PWD=$(cat "$dir/test.password") \
      mariadb --no-defaults --socket="$sock" -udossier_test --batch --skip-column-names -e "$1"
  }
  check "test-url: drops it" tester "DROP DATABASE $t"
  refuse "test-url: cannot read the service's database" tester "SELECT COUNT(*) FROM dossier.schema_version"
  refuse "test-url: cannot create a database outside t_*" tester "CREATE DATABASE tx_lockdown"
  refuse "test-url: cannot write files" tester "SELECT 'x' INTO OUTFILE '$outfile'"
  equal "test password file is 0600" 600 "$(stat -c %a "$dir/test.password" 2>&1)"
}

# dossierd with neither --db nor DOSSIER_DB, on the data directory whose
# mariadb/ the script manages: up and ready means it reached the database.
daemon_without_db() {
  local log="$work/dossierd.log" port='' ready='' daemon
  env -u DOSSIER_DB "$build/dossierd" --port 0 --data-dir "$data" --workers 1 >"$log" 2>&1 &
  daemon=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's/.*"event":"started".*"port":"\{0,1\}\([0-9][0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$daemon" 2>/dev/null || break
    sleep 0.1
  done
  for _ in $(seq 1 300); do
    [ -n "$port" ] || break
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; then ready=1; break; fi
    sleep 0.1
  done
  kill -TERM "$daemon" 2>/dev/null || true
  wait "$daemon" || true
  grep -o '"db":"[^"]*"' "$log" | head -1
  if [ -z "$ready" ] || ! grep -q '"db":"mysql://dossier:\*\*\*@localhost/dossier' "$log"; then
    tail -20 "$log"
    return 1
  fi
}

echo "== a fresh directory"
data="$work/fresh/data"
dir="$data/mariadb"
sock="$dir/mariadb.sock"
mkdir -p "$data"
chmod 755 "$work/fresh" "$data"
dirs+=("$dir")
"$mariadb_sh" start "$dir"
admin "CREATE USER lockdown_a@localhost; CREATE USER lockdown_b@localhost
       IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"
equal "(the empty-password check finds such accounts)" \
  "lockdown_a@localhost lockdown_b@localhost" "$(empty_password_accounts)"
admin "DROP USER lockdown_a@localhost, lockdown_b@localhost"
lockdown_checks
url_checks
before=$(cat "$dir/service.password" 2>/dev/null || true)
check "start again while running" "$mariadb_sh" start "$dir"
check "stop" "$mariadb_sh" stop "$dir"
check "start again" "$mariadb_sh" start "$dir"
equal "the service password survives restarts" "$before" "$(cat "$dir/service.password")"
check "dossierd without --db reaches the private server as dossier (/readyz)" daemon_without_db

echo "== a directory made by the previous version of scripts/mariadb.sh"
dir="$work/old"
sock="$dir/mariadb.sock"
dirs+=("$dir")
mkdir -p "$dir/db"
# What the previous version did: password-less root from anywhere, the server
# as root, socket mode 777 in a 755 directory, no secure_file_priv.
mariadb-install-db --no-defaults --datadir="$dir/db" --user=root \
  --auth-root-authentication-method=normal --skip-test-db >"$work/old-install.log" 2>&1 ||
  { cat "$work/old-install.log"; exit 1; }
setsid mariadbd --no-defaults --datadir="$dir/db" --user=root --socket="$sock" \
  --pid-file="$dir/mariadb.pid" --skip-networking --log-error="$dir/mariadb.err" \
  </dev/null >>"$dir/mariadb.err" 2>&1 &
for _ in $(seq 1 300); do
  mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 && break
  sleep 0.1
done
mariadb --no-defaults --socket="$sock" -uroot -e \
  "CREATE DATABASE dossier; CREATE TABLE dossier.legacy (a INT); INSERT INTO dossier.legacy VALUES (42)"
equal "(the old directory had password-less root accounts)" 4 \
  "$(admin "SELECT COUNT(*) FROM mysql.global_priv WHERE user = 'root'")"
old_pid=$(cat "$dir/mariadb.pid")
mariadb-admin --no-defaults --socket="$sock" -uroot shutdown
while kill -0 "$old_pid" 2>/dev/null; do sleep 0.1; done
"$mariadb_sh" start "$dir"
lockdown_checks
equal "the data survived the upgrade" 42 "$(service "SELECT a FROM dossier.legacy")"
url_checks

echo
if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
