#!/usr/bin/env bash
# dossierd, the HTTP process, needs no document engine's shared library
# (PoDoFo, libvips, qpdf, Tesseract, Leptonica, poppler); dossier-worker,
# which parses the documents, needs them (so that the pattern below is seen
# to match what it must refuse).
#   tests/build/needed_libraries.sh BUILD_DIR
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build=$1
engines='lib(podofo|vips|vips-cpp|qpdf|tesseract|lept|poppler|poppler-cpp)\.so'

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

for binary in dossierd dossier-worker; do
  [[ -x $build/$binary ]] || { echo "FAIL: $build/$binary not built" >&2; exit 1; }
done
server_engines=$(needed "$build/dossierd" | grep -E "$engines" || true)
if [[ -n $server_engines ]]; then
  echo "FAIL: dossierd needs document engines:" >&2
  echo "$server_engines" >&2
  exit 1
fi
worker_engines=$(needed "$build/dossier-worker" | grep -cE "$engines" || true)
if [[ $worker_engines -lt 5 ]]; then
  echo "FAIL: dossier-worker needs $worker_engines engine libraries, expected them all" >&2
  needed "$build/dossier-worker" >&2
  exit 1
fi
echo "dossierd: $(needed "$build/dossierd" | wc -l) libraries needed, no engine;" \
  "dossier-worker: $worker_engines engine libraries"
