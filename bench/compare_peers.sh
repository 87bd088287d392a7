#!/usr/bin/env bash
# Side by side with the command-line peer, on the same files in the same run.
#
#   bench/compare_peers.sh BUILD_DIR [RUNS]        (RUNS defaults to 5)
#
# Generates the reference dossier once (BUILD_DIR/dossier-fixtures reference),
# then times whole dossiers (five pièces), RUNS times each after one untimed
# warm-up, alternating:
#   ours  `dossier process --piece-type CODE -o OUT.pdf FILES...` per pièce,
#         VIPS_CONCURRENCY=1;
#   peer  what a university script does today: images -> img2pdf (one PDF per
#         run of consecutive images), every PDF -> Ghostscript pdfwrite
#         downsampling to 200 dpi, `qpdf --empty --pages ... --` to merge
#         when the pièce has several PDFs.
# Then ours once more as a service worker runs it: `dossier-bench` on the
# same files, one long-lived process (no process start per pièce).
# Both are pinned to one CPU (taskset -c $PIN_CPU, default 0). Prints medians,
# the ratio peer/ours, and per pièce the output sizes against the 2 Mo limit
# and `qpdf --check` of our outputs; writes the same as JSON to
# BUILD_DIR/compare_peers.json.
#
# Exit status: 0 when every pièce of ours is accepted and passes qpdf --check,
# 1 when not, 2 on usage or missing tools. Speed is reported, never asserted;
# a failing peer is reported, never fatal.
#
# Environment: PIN_CPU (default 0), PEER_IMG2PDF_OPTS (extra img2pdf options,
# default none: the script as universities run it), KEEP_WORK=1 keeps the
# working directory (inputs and both sets of outputs) and prints its path.
set -euo pipefail
# dossier re-executes itself to set this when its INE check runs; set here,
# no timing ever includes that.
export OMP_THREAD_LIMIT=1

usage() {
  echo "usage: $0 BUILD_DIR [RUNS]" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
BUILD=$(cd "$1" && pwd) || usage
RUNS=${2:-5}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || usage
PIN_CPU=${PIN_CPU:-0}
read -r -a IMG2PDF_OPTS <<<"${PEER_IMG2PDF_OPTS:-}"
PEER_RUN=(taskset -c "$PIN_CPU")
# shellcheck source=bench/peer_chain.sh
source "$(dirname "$0")/peer_chain.sh"
LIMIT=2000000
CODES=(cv lettre_motivation releve_bac bulletins identite)
JSON_OUT="$BUILD/compare_peers.json"

for tool in taskset img2pdf gs qpdf; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done
for binary in dossier dossier-fixtures dossier-bench; do
  [[ -x $BUILD/$binary ]] || { echo "$0: $BUILD/$binary not built" >&2; exit 2; }
done
taskset -c "$PIN_CPU" true || { echo "$0: cannot pin to CPU $PIN_CPU (set PIN_CPU)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/compare_peers.XXXXXX")
if [[ ${KEEP_WORK:-0} == 1 ]]; then
  trap 'echo "working directory kept: $WORK" >&2' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi

echo "generating the reference dossier in $WORK/in ..." >&2
"$BUILD/dossier-fixtures" reference "$WORK/in" >/dev/null

for code in "${CODES[@]}"; do
  compgen -G "$WORK/in/$code/*" >/dev/null || { echo "$0: no files for $code" >&2; exit 2; }
done

# Wall clock in microseconds, without forking (bash 5).
now_us() { REPLY=${EPOCHREALTIME//[.,]/}; }

declare -A OURS_PIECE_MS PEER_PIECE_MS OURS_RC PEER_RC
OURS_RUN_MS=()
PEER_RUN_MS=()

# One pièce through our pipeline; its report goes beside the PDF.
ours_piece() {
  local code=$1 out=$2
  local files=("$WORK/in/$code"/*)
  VIPS_CONCURRENCY=1 taskset -c "$PIN_CPU" "$BUILD/dossier" process --no-check-ine --piece-type "$code" \
    -o "$out/$code.pdf" "${files[@]}" >"$out/$code.json" 2>"$out/$code.err"
}


# One whole dossier: `side` is ours or peer; `timed` 1 records the times.
run_dossier() {
  local side=$1 timed=$2 out="$WORK/$1" code rc start piece_start
  rm -rf "$out" "$WORK/tmp" && mkdir -p "$out"
  for code in "${CODES[@]}"; do mkdir -p "$WORK/tmp/$code"; done
  now_us; start=$REPLY
  for code in "${CODES[@]}"; do
    now_us; piece_start=$REPLY
    rc=0
    if [[ $side == ours ]]; then
      ours_piece "$code" "$out" || rc=$?
    else
      peer_piece "$code" "$WORK/in" "$out" "$WORK/tmp/$code" 2>>"$WORK/peer.err" || rc=$?
    fi
    now_us
    if ((timed)); then
      if [[ $side == ours ]]; then
        OURS_PIECE_MS[$code]+="$(((REPLY - piece_start) / 1000)) "
        OURS_RC[$code]=$rc
      else
        PEER_PIECE_MS[$code]+="$(((REPLY - piece_start) / 1000)) "
        PEER_RC[$code]=$rc
      fi
    fi
  done
  now_us
  if ((timed)); then
    if [[ $side == ours ]]; then OURS_RUN_MS+=($(((REPLY - start) / 1000)))
    else PEER_RUN_MS+=($(((REPLY - start) / 1000))); fi
  fi
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
    END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "warm-up (untimed) ..." >&2
run_dossier ours 0
run_dossier peer 0
for ((run = 1; run <= RUNS; run++)); do
  echo "run $run/$RUNS ..." >&2
  run_dossier ours 1
  run_dossier peer 1
done

# Ours as a service worker runs it: one long-lived process, the pipeline once
# per pièce, no process start per pièce. Same files, same pin.
echo "worker-style run (dossier-bench on the same files) ..." >&2
DOSSIER_BENCH_DOSSIER="$WORK/in" taskset -c "$PIN_CPU" "$BUILD/dossier-bench" \
  --benchmark_filter='whole_dossier' --benchmark_repetitions="$RUNS" \
  --benchmark_format=json --benchmark_out="$WORK/worker.json" --benchmark_out_format=json >/dev/null
worker_median=$(awk -F': ' '/"name": ".*whole_dossier.*_median"/ { m = 1 }
  m && /"real_time"/ { gsub(/,/, "", $2); printf "%.0f", $2; exit }' "$WORK/worker.json")

ours_median=$(median "${OURS_RUN_MS[@]}")
peer_median=$(median "${PEER_RUN_MS[@]}")
ratio=$(awk -v p="$peer_median" -v o="$ours_median" 'BEGIN { printf "%.2f", (o > 0 ? p / o : 0) }')
worker_ratio=$(awk -v p="$peer_median" -v o="$worker_median" 'BEGIN { printf "%.2f", (o > 0 ? p / o : 0) }')

yes_no() { if [[ $1 == true ]]; then echo yes; else echo NO; fi; }
size_of() { if [[ -f $1 ]]; then stat -c %s "$1"; else echo 0; fi; }
pages_of() { qpdf --show-npages "$1" 2>/dev/null || echo 0; }

failures=0
all_accepted=true
all_checked=true
piece_json=()
rows=()
for code in "${CODES[@]}"; do
  ours_pdf="$WORK/ours/$code.pdf"
  peer_pdf="$WORK/peer/$code.pdf"
  ours_status=failed
  [[ -f $WORK/ours/$code.json ]] &&
    ours_status=$(grep -o '"status":"[a-z]*"' "$WORK/ours/$code.json" | head -1 | cut -d'"' -f4 || true)
  [[ -n $ours_status ]] || ours_status=failed
  ours_reason=$(grep -o '"reason":"[a-z]*"' "$WORK/ours/$code.json" 2>/dev/null | head -1 | cut -d'"' -f4 || true)
  ours_bytes=$(size_of "$ours_pdf")
  peer_bytes=$(size_of "$peer_pdf")
  ours_under=false; ((ours_bytes > 0 && ours_bytes <= LIMIT)) && ours_under=true
  peer_under=false; ((peer_bytes > 0 && peer_bytes <= LIMIT)) && peer_under=true
  peer_ok=false; [[ ${PEER_RC[$code]} == 0 && -f $peer_pdf ]] && peer_ok=true
  ours_check=false
  if [[ ${OURS_RC[$code]} == 0 && $ours_status == accepted && -f $ours_pdf ]]; then
    if qpdf --check "$ours_pdf" >"$WORK/ours/$code.check" 2>&1; then ours_check=true; fi
  else
    all_accepted=false
    failures=$((failures + 1))
    echo "OURS FAILED: $code exit ${OURS_RC[$code]} status $ours_status ${ours_reason:+($ours_reason)}" >&2
    sed 's/^/  /' "$WORK/ours/$code.err" "$WORK/ours/$code.json" >&2 2>/dev/null || true
  fi
  if [[ $ours_check != true ]]; then
    all_checked=false
    if [[ -f $WORK/ours/$code.check ]]; then
      failures=$((failures + 1))
      echo "OURS qpdf --check FAILED: $code" >&2
      sed 's/^/  /' "$WORK/ours/$code.check" >&2
    fi
  fi
  peer_check=false
  $peer_ok && qpdf --check "$peer_pdf" >/dev/null 2>&1 && peer_check=true
  ours_pages=0; [[ -f $ours_pdf ]] && ours_pages=$(pages_of "$ours_pdf")
  peer_pages=0; [[ -f $peer_pdf ]] && peer_pages=$(pages_of "$peer_pdf")
  read -r -a ours_times <<<"${OURS_PIECE_MS[$code]}"
  read -r -a peer_times <<<"${PEER_PIECE_MS[$code]}"
  ours_piece_median=$(median "${ours_times[@]}")
  peer_piece_median=$(median "${peer_times[@]}")
  rows+=("$(printf '%-18s %9s %9s %11s %-5s %11s %-5s %5s %5s  %s' "$code" \
    "$ours_piece_median" "$peer_piece_median" "$ours_bytes" "$(yes_no $ours_under)" \
    "$peer_bytes" "$(yes_no $peer_under)" "$ours_pages" "$peer_pages" \
    "$(if [[ $ours_check == true ]]; then echo pass
       elif [[ -f $WORK/ours/$code.check ]]; then echo FAIL
       else echo "not run ($ours_status)"; fi)")")
  piece_json+=("$(printf '{"code": "%s", "ours_status": "%s", "ours_bytes": %s, "peer_bytes": %s, "ours_under_limit": %s, "peer_under_limit": %s, "ours_pages": %s, "peer_pages": %s, "ours_median_ms": %s, "peer_median_ms": %s, "ours_qpdf_check": %s, "peer_ok": %s, "peer_qpdf_check": %s}' \
    "$code" "$ours_status" "$ours_bytes" "$peer_bytes" "$ours_under" "$peer_under" \
    "$ours_pages" "$peer_pages" "$ours_piece_median" "$peer_piece_median" "$ours_check" \
    "$peer_ok" "$peer_check")")
done

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || true)
echo
echo "Reference dossier (5 pièces, limit $LIMIT bytes each), $RUNS timed runs after one warm-up,"
echo "alternating ours/peer, each pinned to CPU $PIN_CPU; wall clock per dossier, process starts included."
printf '%-44s %12s\n' "" "median ms"
printf '%-44s %12s\n' "ours, worker (one process, 5 pièces)" "$worker_median"
printf '%-44s %12s\n' "ours, CLI (dossier process x5)" "$ours_median"
printf '%-44s %12s\n' "peer (img2pdf + gs + qpdf)" "$peer_median"
printf '%-44s %12s\n' "ratio peer/ours, worker" "$worker_ratio"
printf '%-44s %12s\n' "ratio peer/ours, CLI" "$ratio"
echo "runs ours: ${OURS_RUN_MS[*]}   peer: ${PEER_RUN_MS[*]}"
echo
printf '%-18s %9s %9s %11s %-5s %11s %-5s %5s %5s  %s\n' "pièce" "ours ms" "peer ms" \
  "ours bytes" "<=lim" "peer bytes" "<=lim" "pages" "peer" "qpdf --check (ours)"
printf '%s\n' "${rows[@]}"
echo
if [[ $all_accepted == true && $all_checked == true ]]; then
  echo "ours: all ${#CODES[@]} pièces accepted, all pass qpdf --check"
else
  echo "ours: FAILED ($failures problem(s), see above)"
fi
[[ -s $WORK/peer.err ]] && { echo "peer stderr:"; sed 's/^/  /' "$WORK/peer.err" | sort -u | head -20; }

{
  printf '{\n'
  printf '  "date": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "runs": %s,\n' "$RUNS"
  printf '  "limit_bytes": %s,\n' "$LIMIT"
  printf '  "pinned_cpu": %s,\n' "$PIN_CPU"
  printf '  "cpu": "%s",\n' "${cpu//\"/}"
  printf '  "peer_img2pdf_opts": "%s",\n' "${PEER_IMG2PDF_OPTS:-}"
  printf '  "ours_worker_median_ms": %s,\n' "$worker_median"
  printf '  "ours_cli_median_ms": %s,\n' "$ours_median"
  printf '  "peer_median_ms": %s,\n' "$peer_median"
  printf '  "ratio_worker": %s,\n' "$worker_ratio"
  printf '  "ratio_cli": %s,\n' "$ratio"
  printf '  "ours_runs_ms": [%s],\n' "$(IFS=,; echo "${OURS_RUN_MS[*]}")"
  printf '  "peer_runs_ms": [%s],\n' "$(IFS=,; echo "${PEER_RUN_MS[*]}")"
  printf '  "ours_all_accepted": %s,\n' "$all_accepted"
  printf '  "ours_all_qpdf_check": %s,\n' "$all_checked"
  printf '  "pieces": [\n'
  for ((i = 0; i < ${#piece_json[@]}; i++)); do
    printf '    %s%s\n' "${piece_json[i]}" "$( ((i + 1 < ${#piece_json[@]})) && echo ,)"
  done
  printf '  ]\n}\n'
} >"$JSON_OUT"
echo "JSON: $JSON_OUT"

((failures == 0)) || exit 1
exit 0
