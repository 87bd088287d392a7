#!/usr/bin/env bash
# The gestionnaire's work list at scale (bench/README.md, "worklist.sh").
#
#   bench/worklist.sh [BUILD_DIR]     (BUILD_DIR defaults to build)
#
# Uses the MariaDB named by DOSSIER_TEST_DB when set; else starts (or reuses)
# a private one in ${WORKLIST_DB_DIR:-/tmp/worklist-bench-db} with
# scripts/mariadb.sh, left running for the next run. Builds
# dossier-worklist-bench, runs it (it seeds 5 000 candidatures in a fresh
# schema, serves them on loopback, times each request) and prints the table:
# p50 and p95 per row in ms, and the ratios before/after on the same footing.
# The raw results are in BUILD_DIR/worklist_bench.json.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
JSON_OUT="$BUILD/worklist_bench.json"

if [[ -z ${DOSSIER_TEST_DB:-} ]]; then
  DB_DIR=${WORKLIST_DB_DIR:-/tmp/worklist-bench-db}
  "$ROOT/scripts/mariadb.sh" start "$DB_DIR" >/dev/null
  DOSSIER_TEST_DB=$("$ROOT/scripts/mariadb.sh" test-url "$DB_DIR")
  export DOSSIER_TEST_DB
fi

[[ -f $BUILD/CMakeCache.txt ]] || cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target dossier-worklist-bench >/dev/null

# The service logs one line per request on stdout: kept out of the table.
"$BUILD/dossier-worklist-bench" --benchmark_out="$JSON_OUT" --benchmark_out_format=json \
  "${@:2}" >"$BUILD/worklist_bench.log" 2>&1 || { tail -20 "$BUILD/worklist_bench.log" >&2; exit 1; }
grep -m1 '^seeded' "$BUILD/worklist_bench.log" >&2 || true

python3 - "$JSON_OUT" <<'PY'
import json, sys
rows = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("run_type") != "aggregate":
        continue
    name, stat = b["run_name"].split("/iterations:")[0], b["aggregate_name"]
    rows.setdefault(name, {})[stat] = b["real_time"]
    rows[name]["n"] = b["repetitions"]
    if "bytes" in b:
        rows[name]["bytes"] = b["bytes"]
print(f"{'row':36} {'n':>4} {'p50 ms':>9} {'p95 ms':>9} {'bytes':>9}")
for name, r in rows.items():
    print(f"{name:36} {r['n']:>4} {r.get('p50', 0):>9.2f} {r.get('p95', 0):>9.2f} {int(r.get('bytes', 0)):>9}")
def ratio(before, after):
    b, a = rows.get(before), rows.get(after)
    if b and a and a.get("p50"):
        print(f"ratio {before} / {after}: p50 x{b['p50'] / a['p50']:.1f}, p95 x{b['p95'] / a['p95']:.1f}")
print()
ratio("before/first_page_1000_rows", "after_sql/first_page")
ratio("before/flag_ine_different", "after_sql/flag_ine_different")
ratio("before/first_page_1000_rows", "http/first_page")
PY
