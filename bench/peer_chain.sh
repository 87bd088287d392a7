# Sourced by the benchmark scripts: the command-line peer, what a university
# script does today with one pièce's files: images -> img2pdf (one PDF per
# run of consecutive images), every PDF -> Ghostscript pdfwrite downsampling
# to 200 dpi, `qpdf --empty --pages ... --` to merge when there are several.
# The caller may set PEER_RUN (a command prefix such as `taskset -c 0`) and
# IMG2PDF_OPTS (extra img2pdf options), both arrays.
# shellcheck shell=bash

# peer_piece CODE IN_DIR OUT_DIR TMP_DIR: IN_DIR/CODE/* in upload order ->
# OUT_DIR/CODE.pdf; TMP_DIR holds the intermediate files.
peer_piece() {
  local code=$1 in=$2 out=$3 tmp=$4
  local pdfs=() images=() f
  flush_images() {
    if ((${#images[@]})); then
      local pdf="$tmp/images${#pdfs[@]}.pdf"
      "${PEER_RUN[@]}" img2pdf "${IMG2PDF_OPTS[@]}" "${images[@]}" -o "$pdf" || return 1
      pdfs+=("$pdf")
      images=()
    fi
  }
  for f in "$in/$code"/*; do
    case ${f,,} in
      *.pdf) flush_images || return 1; pdfs+=("$f") ;;
      *.jpg | *.jpeg | *.png) images+=("$f") ;;
      *) echo "peer: unsupported file $f" >&2; return 1 ;;
    esac
  done
  flush_images || return 1
  local downsampled=() i=0 pdf
  for pdf in "${pdfs[@]}"; do
    "${PEER_RUN[@]}" gs -sDEVICE=pdfwrite -dNOPAUSE -dBATCH -dQUIET -dSAFER \
      -dDownsampleColorImages=true -dDownsampleGrayImages=true \
      -dColorImageResolution=200 -dGrayImageResolution=200 \
      -dColorImageDownsampleThreshold=1.0 -dGrayImageDownsampleThreshold=1.0 \
      -sOutputFile="$tmp/gs$i.pdf" "$pdf" || return 1
    downsampled+=("$tmp/gs$i.pdf")
    i=$((i + 1))
  done
  if ((${#downsampled[@]} == 1)); then
    mv "${downsampled[0]}" "$out/$code.pdf"
  else
    "${PEER_RUN[@]}" qpdf --empty --pages "${downsampled[@]}" -- "$out/$code.pdf" || return 1
  fi
}
