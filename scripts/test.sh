#!/usr/bin/env bash
# The test command: installs what is missing, builds, starts a private
# MariaDB for the tests that need a database, and runs every test (unit,
# database, HTTP service end to end, durability, the corpus robustness run
# over ../shared/corpus when it exists, the INE evaluation).
#   scripts/test.sh                 everything
#   BUILD_DIR=… scripts/test.sh
#   DOSSIER_TEST_DB=mysql://… scripts/test.sh   use that server (MariaDB ≥ 10.6 or MySQL ≥ 8.0)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD_DIR:-build}

scripts/setup.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$(nproc)"

if [ -z "${DOSSIER_TEST_DB:-}" ]; then
  dbdir="$root/$build/test-mariadb"
  "$root/scripts/mariadb.sh" stop "$dbdir"
  rm -rf "$dbdir"
  "$root/scripts/mariadb.sh" start "$dbdir"
  trap '"$root/scripts/mariadb.sh" stop "$dbdir"' EXIT
  # Not the service's account: the tests create and drop databases t_* of
  # their own, which only this account may do (and nothing else).
  DOSSIER_TEST_DB=$("$root/scripts/mariadb.sh" test-url "$dbdir")
  export DOSSIER_TEST_DB
fi

cd "$build"
ctest --output-on-failure --timeout 900 -j "$(nproc)"
