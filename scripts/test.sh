#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test
# (unit, CLI, and the robustness run over ../shared/corpus when it exists).
#   scripts/test.sh            everything
#   BUILD_DIR=… scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}

scripts/setup.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$(nproc)"
cd "$build"
ctest --output-on-failure --timeout 900 -j "$(nproc)"
