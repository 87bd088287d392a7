#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the service need.
# Idempotent: a second run installs nothing. Needs root (apt-get).
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config
  # document processing
  libpodofo-dev libvips-dev libheif-dev libqpdf-dev libpoppler-cpp-dev
  libtesseract-dev tesseract-ocr-fra tesseract-ocr-eng
  fonts-dejavu-core fonts-liberation2 fonts-urw-base35
  # service
  libpoco-dev libssl-dev libmysqlcppconn-dev mariadb-server
  # the mails' templates (core/messages/MailTemplates)
  libkainjow-mustache-dev
  # the job child's syscall filter (isolation/SyscallFilter)
  libseccomp-dev
  # scripts/run.sh: waits for the service and shows the curl line it prints
  curl
  # tests and benchmarks
  libgtest-dev libbenchmark-dev
  # test oracles and the command-line peers the benchmarks compare against
  qpdf poppler-utils img2pdf ghostscript util-linux python3
  # browser tests of the web pages: Chromium driven by playwright-core (npm)
  chromium nodejs
  # tests/service/BehindNginxTest: dossierd behind the reverse proxy of docs/OPERATIONS.md
  nginx-light
)
# npm comes with some builds of nodejs; Debian packages it apart.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages (${missing[*]}); run as root: sudo $0" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}"
