#!/usr/bin/env bash
# Brings the service up: installs what is missing, builds, starts a private
# MariaDB under the data directory (unless DOSSIER_DB names a server), then
# dossierd on http://127.0.0.1:8080. Creates a sample candidature, prints the
# candidate's URL with a token and the curl line to upload a file. Ctrl-C (or
# SIGTERM) stops dossierd, then MariaDB, cleanly.
#   scripts/run.sh
#   DOSSIER_PORT=9090 DOSSIER_DATA_DIR=/srv/dossier scripts/run.sh
#   DOSSIER_DB=mysql://user:password@db.example:3306/dossier scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD_DIR:-build}
export DOSSIER_PORT=${DOSSIER_PORT:-8080}
export DOSSIER_DATA_DIR=${DOSSIER_DATA_DIR:-$root/data}
mkdir -p "$DOSSIER_DATA_DIR"
DOSSIER_DATA_DIR=$(cd "$DOSSIER_DATA_DIR" && pwd)

echo "dossier: paquets Debian, puis compilation (quelques minutes la première fois)…" >&2
scripts/setup.sh >/dev/null
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target dossierd dossier dossier-fixtures >/dev/null

db_dir="$DOSSIER_DATA_DIR/mariadb"
own_db=
if [ -z "${DOSSIER_DB:-}" ]; then
  echo "dossier: base MariaDB privée dans $db_dir" >&2
  scripts/mariadb.sh start "$db_dir"
  own_db=1
  export DOSSIER_DB=$(scripts/mariadb.sh url "$db_dir")
fi

daemon=
stop() {
  trap - INT TERM EXIT
  if [ -n "$daemon" ] && kill -0 "$daemon" 2>/dev/null; then
    kill -TERM "$daemon"
    wait "$daemon" || true
  fi
  if [ -n "$own_db" ]; then scripts/mariadb.sh stop "$db_dir"; fi
  echo "dossier: arrêté."
}
trap stop INT TERM EXIT

log="$DOSSIER_DATA_DIR/dossierd.log"
"$build/dossierd" --port "$DOSSIER_PORT" --data-dir "$DOSSIER_DATA_DIR" >>"$log" 2>&1 &
daemon=$!
base="http://127.0.0.1:$DOSSIER_PORT"
for _ in $(seq 1 300); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$daemon" 2>/dev/null || { tail -20 "$log" >&2; exit 1; }
  sleep 0.1
done

# A sample candidature with the reference dossier's pièces, and its files.
cand=DEMO-0001
admin=$("$build/dossier" token --role admin --sub ecandidat --hours 1)
curl -fsS -X PUT "$base/api/v1/candidatures/$cand" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' \
  -d '{"formation": "Licence Mathématiques — L1", "ine": "1234567890V", "nom": "Martin", "prenom": "Camille",
       "pieces": [{"code": "cv", "mandatory": true}, {"code": "lettre_motivation", "mandatory": true},
                  {"code": "releve_bac", "mandatory": true}, {"code": "bulletins", "mandatory": true},
                  {"code": "identite", "mandatory": true}, {"code": "complementaires", "mandatory": false}]}' \
  >/dev/null
samples="$DOSSIER_DATA_DIR/sample-dossier"
[ -d "$samples/releve_bac" ] || "$build/dossier-fixtures" reference "$samples" >/dev/null
token=$("$build/dossier" token --role candidat --candidature "$cand")
# The login the history shows for this gestionnaire's decisions.
staff=$("$build/dossier" token --role gestionnaire --sub "${DOSSIER_GESTIONNAIRE:-gestionnaire.demo}")
scan=$(ls "$samples"/releve_bac/* | head -1)

cat <<MSG

dossier est prêt sur $base  (journal : $log)

Page du candidat :
  $base/candidat/$cand#token=$token

Page du gestionnaire (jeton valable 12 heures) :
  $base/gestion/#token=$staff

Déposer le relevé de notes du bac (scan à 600 dpi de 10 Mo) :
  curl -H "Authorization: Bearer $token" -F "file=@$scan" \\
       $base/api/v1/candidatures/$cand/pieces/releve_bac/files

Suivre la candidature :
  curl -H "Authorization: Bearer $token" $base/api/v1/candidatures/$cand

Autres fichiers d'exemple : $samples
Ctrl-C arrête le service.
MSG
wait "$daemon"
