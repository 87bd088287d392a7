#!/usr/bin/env bash
# room_boundaries.sh finds a breach of each kind it looks for, in a small
# tree made for it: a server file including a processors header, a core file
# including an engine, a route spelling a status code in SQL.
set -euo pipefail
check="$(cd "$(dirname "$0")" && pwd)/room_boundaries.sh"
tree=$(mktemp -d /tmp/room-boundaries.XXXXXX)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree"/{server/routes,core/sniff,processors/pdf,workflow}
printf '#include "processors/pdf/PdfOpen.h"\n' >"$tree/server/routes/Route.cpp"
printf '#include <podofo/podofo.h>\n' >"$tree/core/sniff/Sniff.cpp"
printf 'const char* q = "UPDATE pj_cand SET status = '"'"'NC'"'"'";\n' >"$tree/server/routes/Sql.cpp"
printf 'const char* kRefused = "RE";\n' >"$tree/workflow/PieceStatus.cpp"
set +e
out=$("$check" "$tree")
status=$?
set -e
echo "$out"
[ "$status" -eq 1 ] || { echo "FAIL: exit $status, expected 1"; exit 1; }
grep -q 'server/routes/Route.cpp:1: server may not include processors/pdf/PdfOpen.h' <<<"$out"
grep -q 'core/sniff/Sniff.cpp:1:.*a document engine outside processors/' <<<"$out"
grep -q 'server/routes/Sql.cpp:1:.*a bare status code outside workflow/' <<<"$out"
! grep -q 'workflow/PieceStatus.cpp' <<<"$out" || { echo "FAIL: workflow/ may spell codes"; exit 1; }
grep -q 'room_boundaries: 3 breach(es)' <<<"$out"
echo "room_boundaries_breach: each kind of breach is found"
