#!/usr/bin/env bash
# The rooms of docs/ARCHITECTURE.md, checked on the sources: which room's
# headers each room may include, that document engines are included by
# processors/ only, and that eCandidat's status codes are spelled out in
# workflow/ only (elsewhere they go through CandidatureStatus and PieceStatus,
# because "RE" is Réceptionné for a candidature and Refusée for a pièce).
#
#   tests/scripts/room_boundaries.sh [CHECKOUT]
# Prints each breach as FILE:LINE and exits 1 when there is one.
set -uo pipefail
checkout=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$checkout" || exit 2

# room: the rooms whose headers it may include (itself always).
declare -A may_use=(
  [core]=""
  [store]=""
  [workflow]="core store"
  [isolation]="core"
  [processors]="core"
  [ingest]="core store workflow"
  [server]="core store workflow ingest isolation"
  [workers/queue]="core store workflow"
  [workers/supervisor]="core store workflow isolation workers/queue"
  [workers/run]="core store workflow isolation processors workers/queue"
  # daemon/ holds the mains of dossierd and of dossier-worker, whose loop is
  # workers/run: that dossierd maps no engine is checked on its link graph
  # (cmake/EngineFree.cmake), not here.
  [daemon]="core store workflow ingest isolation server workers/queue workers/supervisor workers/run"
)
rooms=(core store workflow isolation processors ingest server workers/queue workers/supervisor
  workers/run daemon)

breaches=0
breach() {
  echo "$1"
  breaches=$((breaches + 1))
}

sources() { find "$1" -name '*.cpp' -o -name '*.h' -o -name '*.cpp.in' | sort; }

# Which room a header path belongs to: the longest room that prefixes it.
room_of() {
  local path=$1 best=""
  for room in "${rooms[@]}" cli tests bench; do
    if [[ $path == "$room/"* && ${#room} -gt ${#best} ]]; then best=$room; fi
  done
  echo "$best"
}

for room in "${rooms[@]}"; do
  [ -d "$room" ] || continue
  allowed=" $room ${may_use[$room]} "
  while IFS= read -r file; do
    while IFS=: read -r line header; do
      target=$(room_of "$header")
      [ -z "$target" ] && continue
      [[ $allowed == *" $target "* ]] ||
        breach "$file:$line: $room may not include $header (allowed: ${allowed# })"
    done < <(grep -noE '^#include "[^"]+"' "$file" | sed -E 's/#include "([^"]+)"/\1/')
  done < <(sources "$room")
done

# Document engines: processors/ only (tests, benches and fixtures build
# documents with them too).
while IFS= read -r hit; do
  breach "$hit: a document engine outside processors/"
done < <(grep -rnE '^#include <(podofo|vips|qpdf|tesseract|leptonica|poppler)/' \
  --include='*.cpp' --include='*.h' core store workflow isolation ingest server workers/queue \
  workers/supervisor daemon 2>/dev/null)

# Status codes, as C++ literals or inside SQL text, outside workflow/.
while IFS= read -r hit; do
  breach "$hit: a bare status code outside workflow/"
done < <(grep -rnE "\"(AT|TR|VA|RE|NC|IN|CO)\"|'(AT|TR|VA|RE|NC|IN|CO)'" \
  --include='*.cpp' --include='*.h' core store isolation processors ingest server workers cli \
  daemon 2>/dev/null)

if [ "$breaches" -gt 0 ]; then
  echo "room_boundaries: $breaches breach(es)"
  exit 1
fi
echo "room_boundaries: every room keeps to its neighbours"
