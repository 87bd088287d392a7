#!/usr/bin/env bash
# Runs every PDF of the qpdf test corpus through `dossier process`, one
# process per file under 10 s and 1 GiB, and checks that each one is either
# accepted with an output `qpdf --check` passes without a warning (a signed
# PDF kept byte for byte excepted), or refused with a contract reason.
# Never a crash, a hang, or an unknown outcome.
#
#   tests/corpus/run_corpus.sh BUILD_DIR [CORPUS_DIR] [--min-accepted PERCENT]
# Prints one line per file to $WORK/results.tsv, then a summary; exits 1 when
# a file crashed, hung, broke the contract, gave an output qpdf warns on, or
# acceptance is under the bar.
set -uo pipefail
build=${1:?usage: run_corpus.sh BUILD_DIR [CORPUS_DIR] [--min-accepted PERCENT]}
corpus=${2:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/corpus/qpdf-qtest}
min_accepted=90
[ "${3:-}" = "--min-accepted" ] && min_accepted=${4:?}
if [ ! -d "$corpus" ]; then
  echo "corpus: $corpus not found, skipping (it lives in ../shared beside the checkout)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export build work

one() {
  local file=$1 name out json code verdict reason check warned=-
  name=$(basename "$file")
  out="$work/$name.out.pdf"
  json=$(timeout -s KILL 10 prlimit --as=1073741824 \
         "$build/dossier" process --max-seconds 8 -o "$out" "$file" 2>/dev/null)
  code=$?
  reason=$(printf '%s' "$json" | sed -n 's/.*"reason":"\([a-z]*\)".*/\1/p')
  case $code in
    0) qpdf --check "$out" >/dev/null 2>&1
       case $? in
         0) verdict=accepted warned=no ;;
         # qpdf had to work around something: only a signed PDF, kept byte
         # for byte so that its signature holds, may be given out so.
         3) verdict=accepted warned=yes
            case $json in *'"signed":true'*) warned=signed ;; esac ;;
         *) verdict=bad-output ;;
       esac ;;
    3) case $reason in
         format|size|pages|corrupt|encrypted|empty|limits) verdict=refused ;;
         *) verdict=bad-report ;;
       esac ;;
    137) verdict=hang ;;
    *) verdict=crash ;;
  esac
  # Files that need a password are refused by design, not failures to read.
  if qpdf --requires-password "$file" >/dev/null 2>&1; then check=password; else check=open; fi
  rm -f "$out"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$verdict" "$code" "${reason:--}" "$check" "$warned"
}
export -f one

find "$corpus" -maxdepth 1 -name '*.pdf' -print0 | sort -z |
  xargs -0 -P "$(nproc)" -I{} bash -c 'one "$1"' _ {} > "$work/results.tsv"
[ -n "${CORPUS_RESULTS:-}" ] && cp "$work/results.tsv" "$CORPUS_RESULTS"

awk -F'\t' -v min="$min_accepted" '
  { total++; v[$2]++; if ($5 == "password") pw++; else { open++; if ($2 == "accepted") acc++ }
    if ($2 == "refused") r[$4]++
    if ($6 == "yes") { warned++; bad++; print "FAIL " $1 ": accepted, qpdf --check warns on the output" }
    if ($6 == "signed") { signed++; print "KEPT " $1 ": signed, kept byte for byte, qpdf --check warns" }
    if ($2 != "accepted" && $2 != "refused") { bad++; print "FAIL " $1 ": " $2 " (exit " $3 ")" } }
  END {
    rate = open ? 100 * acc / open : 0
    printf "corpus: %d files: %d accepted, %d refused, %d crashed, %d hung, %d broke the contract\n",
      total, v["accepted"], v["refused"], v["crash"], v["hang"], v["bad-output"] + v["bad-report"]
    printf "corpus: %d accepted outputs on which qpdf --check warns (%d more: signed originals kept as they are)\n", warned, signed
    printf "corpus: refusals by reason:"; for (k in r) printf " %s=%d", k, r[k]; printf "\n"
    printf "corpus: %d files need a password; of the %d others, %.1f %% accepted (bar: %d %%)\n",
      pw, open, rate, min
    exit (bad > 0 || rate < min) ? 1 : 0
  }' "$work/results.tsv"
