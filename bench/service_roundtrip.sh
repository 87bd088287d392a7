#!/usr/bin/env bash
# One dossier through the running service, end to end, beside the peer script.
#
#   bench/service_roundtrip.sh BUILD_DIR [DOSSIERS]    (DOSSIERS defaults to 10)
#
# Starts a private MariaDB in a temporary directory (scripts/mariadb.sh) and
# `dossierd --port 0 --workers 2` on it (OMP_THREAD_LIMIT=1), reads the bound
# port from its "started" log line, and generates the reference dossier once
# (BUILD_DIR/dossier-fixtures reference). Then, one candidature at a time
# (the latency of one dossier through an idle service, after one untimed
# warm-up dossier):
#   PUT the candidature (INE 1234567890V, the five pièces), upload each pièce
#   with curl (its files as several `file` parts, in upload order), timing
#   each acknowledgement (curl's time_total up to the 202), then GET the
#   candidature every 50 ms until no pièce is pending. The dossier's time runs
#   from the start of its first upload to the answer that shows the last
#   result. Every pièce's report must say `accepted`.
# The service then stops, and the peer of compare_peers.sh (images -> img2pdf,
# every PDF -> Ghostscript pdfwrite at 200 dpi, qpdf to merge) processes the
# same files as many times, sequentially, after one untimed warm-up, timing
# each whole dossier.
#
# Nothing is pinned: the service's two workers take two pièces at once on two
# cores, the peer runs its pièces one after the other as a script does. The
# service also checks the INE of releve_bac (OCR); the peer does not.
#
# Prints the median and p90 acknowledgement time of the uploads, the median
# dossier time through the service and through the peer and the ratio
# peer/service; writes the same as JSON to BUILD_DIR/service_roundtrip.json.
#
# Exit status: 0 when every pièce of every dossier was accepted by the
# service, 1 when not, 2 on usage or missing tools. Speed is reported, never
# asserted; a failing peer is reported, never fatal.
#
# Environment: KEEP_WORK=1 keeps the working directory (inputs, service data
# and log, MariaDB, peer outputs) and prints its path.
set -euo pipefail
export LC_NUMERIC=C

usage() {
  echo "usage: $0 BUILD_DIR [DOSSIERS]" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
BUILD=$(cd "$1" && pwd) || usage
DOSSIERS=${2:-10}
[[ $DOSSIERS =~ ^[1-9][0-9]*$ ]] || usage
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CODES=(cv lettre_motivation releve_bac bulletins identite)
INE=1234567890V
POLL_SECONDS=0.05
DOSSIER_TIMEOUT_S=300
JSON_OUT="$BUILD/service_roundtrip.json"

for tool in curl python3 img2pdf gs qpdf mariadbd mariadb-install-db mariadb-admin; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done
for binary in dossierd dossier-worker dossier dossier-fixtures; do
  [[ -x $BUILD/$binary ]] || { echo "$0: $BUILD/$binary not built" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/service_roundtrip.XXXXXX")
# shellcheck source=bench/private_service.sh
source "$ROOT/bench/private_service.sh"
PEER_RUN=()
IMG2PDF_OPTS=()
# shellcheck source=bench/peer_chain.sh
source "$ROOT/bench/peer_chain.sh"

# Wall clock in microseconds, without forking (bash 5).
now_us() { REPLY=${EPOCHREALTIME//[.,]/}; }

echo "generating the reference dossier in $WORK/ref ..." >&2
"$BUILD/dossier-fixtures" reference "$WORK/ref" >/dev/null
for code in "${CODES[@]}"; do
  compgen -G "$WORK/ref/$code/*" >/dev/null || { echo "$0: no files for $code" >&2; exit 2; }
done

private_service_start 2

ADMIN=$("$BUILD/dossier" token --role admin --hours 2 --data-dir "$DATA")
PIECES_JSON=$(printf '{"code": "%s", "mandatory": true},' "${CODES[@]}")
CANDIDATURE_BODY="{\"formation\": \"Licence Mathématiques — L1\", \"ine\": \"$INE\", \"pieces\": [${PIECES_JSON%,}]}"

RESULTS="$WORK/results.txt"   # one line per measure, read by the summary
: >"$RESULTS"

# One dossier through the service: `timed` 1 records the times.
service_dossier() {
  local id=$1 timed=$2 token code f start end code_and_time http seconds deadline state
  local out="$WORK/service/$id"
  mkdir -p "$out"
  curl -fsS -o "$out/put.json" -X PUT "$BASE/api/v1/candidatures/$id" \
    -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "$CANDIDATURE_BODY" || { echo "PUT $id failed" >&2; return 1; }
  token=$("$BUILD/dossier" token --role candidat --candidature "$id" --data-dir "$DATA")
  local acks=()
  now_us; start=$REPLY
  for code in "${CODES[@]}"; do
    local parts=()
    for f in "$WORK/ref/$code"/*; do parts+=(-F "file=@$f"); done
    code_and_time=$(curl -sS -o "$out/$code.upload.json" -w '%{http_code} %{time_total}' \
      -H "Authorization: Bearer $token" "${parts[@]}" \
      "$BASE/api/v1/candidatures/$id/pieces/$code/files") || code_and_time="000 0"
    read -r http seconds <<<"$code_and_time"
    if [[ $http != 202 ]]; then
      echo "upload $id/$code: HTTP $http" >&2
      sed 's/^/  /' "$out/$code.upload.json" >&2 2>/dev/null || true
    fi
    acks+=("ack $code $id $http $seconds")
  done
  now_us; deadline=$((REPLY + DOSSIER_TIMEOUT_S * 1000000))
  state=timeout
  while :; do
    if curl -fsS -o "$out/get.json" -H "Authorization: Bearer $token" \
      "$BASE/api/v1/candidatures/$id" 2>>"$out/get.err"; then
      now_us; end=$REPLY
      if ! grep -Eq '"processing" *: *"pending"' "$out/get.json"; then state="done"; break; fi
    else
      now_us; end=$REPLY
    fi
    ((end < deadline)) || break
    sleep "$POLL_SECONDS"
  done
  if ((timed)); then
    printf '%s\n' "${acks[@]}" >>"$RESULTS"
    echo "service $id $(((end - start) / 1000)) $state" >>"$RESULTS"
    # Per pièce: processing, report status, reason, INE verdict.
    python3 - "$out/get.json" "$id" >>"$RESULTS" <<'PY' || echo "piece $id - unreadable - - -" >>"$RESULTS"
import json, sys
body = json.load(open(sys.argv[1], encoding="utf-8"))
for piece in body.get("pieces", []):
    report = piece.get("report") or {}
    ine = (report.get("ine") or {}).get("verdict") or "-"
    print("piece", sys.argv[2], piece.get("code"), piece.get("processing"),
          report.get("status") or "-", report.get("reason") or "-", ine)
PY
  fi
}


# One whole dossier through the peer: `timed` 1 records its time.
peer_dossier() {
  local run=$1 timed=$2 out="$WORK/peer" code start failed=0
  rm -rf "$out" "$WORK/peer-tmp" && mkdir -p "$out"
  for code in "${CODES[@]}"; do mkdir -p "$WORK/peer-tmp/$code"; done
  now_us; start=$REPLY
  for code in "${CODES[@]}"; do
    peer_piece "$code" "$WORK/ref" "$out" "$WORK/peer-tmp/$code" 2>>"$WORK/peer.err" || failed=$((failed + 1))
  done
  now_us
  ((timed)) && echo "peer $run $(((REPLY - start) / 1000)) $failed" >>"$RESULTS"
  return 0
}

echo "service: warm-up dossier (untimed) ..." >&2
service_dossier BENCH-WARMUP 0 || true
for ((run = 1; run <= DOSSIERS; run++)); do
  id=$(printf 'BENCH-%04d' "$run")
  echo "service: dossier $run/$DOSSIERS ($id) ..." >&2
  service_dossier "$id" 1 || echo "service $id 0 failed" >>"$RESULTS"
done
private_service_stop

echo "peer: warm-up dossier (untimed) ..." >&2
peer_dossier 0 0
for ((run = 1; run <= DOSSIERS; run++)); do
  echo "peer: dossier $run/$DOSSIERS ..." >&2
  peer_dossier "$run" 1
done

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || true)
set +e
python3 - "$RESULTS" "$JSON_OUT" "$DOSSIERS" "$(nproc)" "$cpu" "${#CODES[@]}" <<'PY'
import datetime, json, math, statistics, sys

results, json_out, dossiers, cores, cpu, n_codes = sys.argv[1:7]
dossiers, cores, n_codes = int(dossiers), int(cores), int(n_codes)
acks, service, peer, pieces, problems = [], [], [], [], []
for line in open(results, encoding="utf-8"):
    f = line.split()
    if not f:
        continue
    if f[0] == "ack":
        code, cid, http, seconds = f[1:5]
        acks.append({"candidature": cid, "code": code, "http": int(http),
                     "ms": round(float(seconds) * 1000, 1)})
        if http != "202":
            problems.append(f"{cid}/{code}: upload answered HTTP {http}")
    elif f[0] == "service":
        cid, ms, state = f[1], int(f[2]), f[3]
        service.append({"candidature": cid, "ms": ms, "state": state})
        if state != "done":
            problems.append(f"{cid}: {state}")
    elif f[0] == "piece":
        cid, code, processing, status, reason, ine = f[1:7]
        pieces.append({"candidature": cid, "code": code, "processing": processing,
                       "status": status, "reason": None if reason == "-" else reason,
                       "ine": None if ine == "-" else ine})
        if status != "accepted":
            problems.append(f"{cid}/{code}: processing {processing}, status {status}"
                            + ("" if reason == "-" else f" ({reason})"))
    elif f[0] == "peer":
        peer.append({"run": int(f[1]), "ms": int(f[2]), "failed_pieces": int(f[3])})

def median(values):
    return statistics.median(values) if values else 0

def p90(values):
    # Nearest rank: the smallest value with at least 90 % of the values at or below it.
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]

ack_ms = [a["ms"] for a in acks if a["http"] == 202]
service_s = [s["ms"] / 1000 for s in service if s["state"] == "done"]
peer_s = [p["ms"] / 1000 for p in peer]
ack_median, ack_p90 = median(ack_ms), p90(ack_ms)
service_median, peer_median = median(service_s), median(peer_s)
ratio = peer_median / service_median if service_median > 0 else 0
expected = dossiers * n_codes
accepted = sum(1 for p in pieces if p["status"] == "accepted")
failures = (expected - accepted)
peer_failed = sum(p["failed_pieces"] for p in peer)
ine = {}
for p in pieces:
    if p["code"] == "releve_bac":
        ine[p["ine"] or "none"] = ine.get(p["ine"] or "none", 0) + 1
codes = []
for a in acks:
    if a["code"] not in codes:
        codes.append(a["code"])
ack_by_code = {c: median([a["ms"] for a in acks if a["code"] == c and a["http"] == 202])
               for c in codes}

print()
print(f"Reference dossier (5 pièces), {dossiers} dossiers one at a time after one untimed warm-up;")
print(f"{cores} cores, nothing pinned: dossierd --workers 2 (OMP_THREAD_LIMIT=1), the peer one pièce after another.")
rows = [
    (f"upload acknowledgement, median ({len(ack_ms)} uploads)", f"{ack_median:.0f} ms"),
    ("upload acknowledgement, p90", f"{ack_p90:.0f} ms"),
    ("dossier through the service, median *", f"{service_median:.2f} s"),
    ("dossier through the peer, median", f"{peer_median:.2f} s"),
    ("ratio peer/service", f"{ratio:.2f}"),
]
for label, value in rows:
    print(f"{label:<48} {value:>10}")
print("* includes the INE check by OCR on releve_bac, which the peer does not do.")
print("ack median ms per pièce: " + ", ".join(f"{c} {v:.0f}" for c, v in ack_by_code.items()))
print("dossiers s, service: " + " ".join(f"{v:.2f}" for v in service_s))
print("dossiers s, peer:    " + " ".join(f"{v:.2f}" for v in peer_s))
print("INE verdicts on releve_bac: " + ", ".join(f"{k} {v}" for k, v in sorted(ine.items())))
if failures == 0 and not problems:
    print(f"service: all {expected} pièces accepted")
else:
    print(f"service: FAILED, {failures} of {expected} pièces not accepted")
    for problem in problems[:20]:
        print("  " + problem)
if peer_failed:
    print(f"peer: {peer_failed} pièce(s) failed (see peer stderr)")

summary = {
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "dossiers": dossiers,
    "cores": cores,
    "cpu": cpu,
    "pinned": False,
    "workers": 2,
    "poll_ms": 50,
    "ack_ms_median": round(ack_median, 1),
    "ack_ms_p90": round(ack_p90, 1),
    "ack_ms_median_by_piece": {c: round(v, 1) for c, v in ack_by_code.items()},
    "service_dossier_s_median": round(service_median, 3),
    "service_includes_ine_ocr": True,
    "peer_dossier_s_median": round(peer_median, 3),
    "ratio_peer_service": round(ratio, 2),
    "service_dossiers_s": [round(v, 3) for v in service_s],
    "peer_dossiers_s": [round(v, 3) for v in peer_s],
    "acks": acks,
    "pieces_expected": expected,
    "pieces_accepted": accepted,
    "pieces_failed": failures,
    "all_accepted": failures == 0 and not problems,
    "ine_verdicts": ine,
    "peer_failed_pieces": peer_failed,
    "problems": problems,
}
with open(json_out, "w", encoding="utf-8") as out:
    json.dump(summary, out, ensure_ascii=False, indent=2)
    out.write("\n")
print(f"JSON: {json_out}")
sys.exit(0 if summary["all_accepted"] else 1)
PY
status=$?
set -e
[[ -s $WORK/peer.err ]] && { echo "peer stderr:"; sed 's/^/  /' "$WORK/peer.err" | sort -u | head -20; }
exit "$status"
