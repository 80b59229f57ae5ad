#!/usr/bin/env bash
# The second command of README: installs what is missing, builds, runs every test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "${VD_BUILD_DIR:-$root/build}"
ctest --output-on-failure --timeout 900 -j "$(nproc)"
