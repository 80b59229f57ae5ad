#!/usr/bin/env bash
# The first command of README: installs what is missing, builds, and runs the
# main job. Until the desktop app exists that is: make a demo workspace and
# show what is in it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cli="${VD_BUILD_DIR:-$root/build}/bin/voucherdesk-cli"
workspace=${VD_WORKSPACE:-$root/build/demo-workspace}
if [ ! -f "$workspace/workspace.sqlite" ]; then
    "$cli" demo --workspace "$workspace" --applications "${VD_DEMO_APPLICATIONS:-2000}" --seed 42
fi
"$cli" stats --workspace "$workspace"
"$cli" list --workspace "$workspace" --status screening --status clarification_requested --limit 15 --lang zh_HK
