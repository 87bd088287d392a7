#!/usr/bin/env bash
# Runs the pipeline on a sample dossier it generates: the reference dossier
# (a CV, a letter, a 600-dpi scan of the relevé du bac, three phone photos of
# bulletins, two PNG scans of an ID card), one `dossier process` per pièce,
# and prints what each pièce became. Installs and builds what is missing.
#   scripts/run.sh                 data in ./data
#   DOSSIER_DATA_DIR=/srv/dossier scripts/run.sh
set -euo pipefail
# One OpenMP thread per Tesseract: set here, dossier need not re-execute itself.
export OMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-1}
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD_DIR:-build}
data=${DOSSIER_DATA_DIR:-$root/data}

scripts/setup.sh >/dev/null
if [ ! -x "$build/dossier" ] || [ ! -x "$build/dossier-fixtures" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j "$(nproc)" >/dev/null
fi

samples="$data/sample-dossier"
out="$data/pieces"
rm -rf "$samples" "$out"
mkdir -p "$out"
"$build/dossier-fixtures" reference "$samples" >/dev/null

printf '%-18s %-8s %6s %10s %10s  %s\n' "pièce" "statut" "pages" "avant" "après" "message"
for dir in "$samples"/*/; do
  code=$(basename "$dir")
  files=("$dir"*)
  report="$out/$code.json"
  set +e
  declared=()
  # The sample relevé carries the INE the fixtures print on it; a candidate's
  # profile would declare it.
  [ "$code" = releve_bac ] && declared=(--declared-ine 1234567890V)
  "$build/dossier" process --piece-type "$code" "${declared[@]}" -o "$out/$code.pdf" "${files[@]}" >"$report"
  set -e
  python3 - "$report" "$code" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]:<18} {r['status']:<8} {r['pages']:>6} {r['input_bytes']:>10} {r['output_bytes']:>10}  {r['message']}")
PY
done
echo
echo "PDF et rapports JSON : $out"
