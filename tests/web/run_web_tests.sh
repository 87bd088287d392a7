#!/usr/bin/env bash
# The browser tests: installs playwright-core from npm (tests/web/package-lock.json)
# when missing, then runs tests/web/*.test.mjs with Node's test runner against
# build/dossierd in Debian's Chromium. Needs DOSSIER_TEST_DB (scripts/test.sh
# starts the MariaDB). Screenshots go to docs/screenshots/.
#   tests/web/run_web_tests.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export BUILD_DIR=$(cd "${1:?build directory}" && pwd)
cd "$here"
# Installed once; again only when package-lock.json pins another version.
wanted=$(node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
installed=$(node -p "try { require('./node_modules/playwright-core/package.json').version } catch { '' }")
if [ "$wanted" != "$installed" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node --test --test-concurrency=1 ./*.test.mjs
