#!/usr/bin/env bash
# Each processor alone on the reference dossier's files: where a pièce's time
# goes, one operation at a time.
#
#   bench/processors.sh BUILD_DIR [REPETITIONS]     (REPETITIONS defaults to 5)
#
# Runs BUILD_DIR/dossier-bench pinned to one CPU (taskset -c $PIN_CPU, default
# 0), libvips on one thread, with REPETITIONS repetitions of the rows
# ReceiveUpload (the server's side of an upload), Sniff, ReadImageHeader,
# ImagePage, OpenPdf, DownsampleScannedImages, PdfAppend, PdfWrite,
# FitToLimit and IneCheck (not the whole-pipeline ReferenceDossier
# rows, nor the Tesseract peer). Prints one line per processor and pièce (and
# file, for the per-file rows): the median wall time over the repetitions,
# the median process CPU time, the coefficient of variation of the wall time,
# and the row's label. Google Benchmark's own JSON, every repetition
# and the aggregates, goes to BUILD_DIR/processors_bench.json; its console
# output goes to stderr.
#
# Exit status: 0 when every row ran, 1 when one reported an error (a wrong
# result is not a time), 2 on usage or a missing tool. Speed is reported,
# never asserted.
#
# Environment: PIN_CPU (default 0).
set -euo pipefail
# The INE check's OCR on one thread; dossier-bench would otherwise re-execute
# itself to set it.
export OMP_THREAD_LIMIT=1

usage() {
  echo "usage: $0 BUILD_DIR [REPETITIONS]" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
BUILD=$(cd "$1" && pwd) || usage
REPETITIONS=${2:-5}
[[ $REPETITIONS =~ ^[1-9][0-9]*$ ]] || usage
PIN_CPU=${PIN_CPU:-0}
JSON_OUT="$BUILD/processors_bench.json"
# In the order a pièce meets them; the table follows it.
PROCESSORS=(ReceiveUpload Sniff ReadImageHeader ImagePage OpenPdf DownsampleScannedImages PdfAppend PdfWrite
  FitToLimit IneCheck)

for tool in taskset python3; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done
[[ -x $BUILD/dossier-bench ]] || { echo "$0: $BUILD/dossier-bench not built" >&2; exit 2; }
taskset -c "$PIN_CPU" true || { echo "$0: cannot pin to CPU $PIN_CPU (set PIN_CPU)" >&2; exit 2; }

filter="^($(IFS='|'; echo "${PROCESSORS[*]}"))/"
taskset -c "$PIN_CPU" "$BUILD/dossier-bench" \
  --benchmark_filter="$filter" \
  --benchmark_repetitions="$REPETITIONS" \
  --benchmark_display_aggregates_only=true \
  --benchmark_out="$JSON_OUT" --benchmark_out_format=json >&2

python3 - "$JSON_OUT" "${PROCESSORS[@]}" <<'PY'
import json
import sys

path, processors = sys.argv[1], sys.argv[2:]
with open(path) as f:
    rows = json.load(f)["benchmarks"]

def row_key(row):
    # "Sniff/bulletins/2/process_time/real_time" -> ("Sniff", "bulletins", "2")
    parts = [p for p in row["run_name"].split("/") if p not in ("process_time", "real_time")]
    return parts[0], parts[1] if len(parts) > 1 else "", "/".join(parts[2:])

aggregates = {}   # (processor, pièce, rest) -> {"median": row, "cv": row}
errors = {}       # same key -> message
order = []
for row in rows:
    key = row_key(row)
    if key not in aggregates:
        aggregates[key] = {}
        order.append(key)
    if row.get("error_occurred"):
        errors[key] = row.get("error_message", "error")
    if row.get("run_type") == "aggregate":
        aggregates[key][row["aggregate_name"]] = row

def fmt(value):
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"

header = ("processor", "pièce", "file", "median", "cpu", "unit", "cv", "label")
lines = [header]
for processor in processors:
    for key in (k for k in order if k[0] == processor):
        _, piece, rest = key
        if key in errors:
            lines.append((processor, piece, rest, "ERROR", "", "", "", errors[key]))
            continue
        median, cv = aggregates[key].get("median"), aggregates[key].get("cv")
        if median is None:
            continue
        cv_text = f"{100 * cv['real_time']:.1f}%" if cv else ""
        lines.append((processor, piece, rest, fmt(median["real_time"]), fmt(median["cpu_time"]),
                      median["time_unit"], cv_text, median.get("label", "")))

widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
right = {3, 4, 6}
for line in lines:
    cells = [line[i].rjust(widths[i]) if i in right else line[i].ljust(widths[i])
             for i in range(len(widths))]
    print("  ".join(cells + [line[-1]]).rstrip())
print(f"\n{len(order)} rows, medians of the repetitions; JSON: {path}")
sys.exit(1 if errors else 0)
PY
