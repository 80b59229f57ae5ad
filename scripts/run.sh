#!/usr/bin/env bash
# The first command of README: installs what is missing, builds, and runs the
# main job: the desktop app on a demo workspace (made once, in
# build/demo-workspace). With no display it says so and runs under Xvfb
# (or offscreen when Xvfb is missing), signed in as a case officer.
#   VD_WORKSPACE=DIR  another workspace   VD_DEMO_APPLICATIONS=N  its size (2,000)
#   VD_USER=NAME      sign in as NAME without the dialogs
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
bin="${VD_BUILD_DIR:-$root/build}/bin"
workspace=${VD_WORKSPACE:-$root/build/demo-workspace}
if [ ! -f "$workspace/workspace.sqlite" ]; then
    "$bin/voucherdesk-cli" demo --workspace "$workspace" --applications "${VD_DEMO_APPLICATIONS:-2000}" --seed 42
fi
"$bin/voucherdesk-cli" stats --workspace "$workspace"

desk=("$bin/voucherdesk" --workspace "$workspace")
[ -n "${VD_USER:-}" ] && desk+=(--user "$VD_USER")
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "${desk[@]}"
fi
# Nobody can click through the dialogs on an invisible screen: sign in as the
# officer with the most cases.
officer=$(sqlite3 -readonly "$workspace/workspace.sqlite" \
    "SELECT u.username FROM users u JOIN applications a ON a.case_officer_id = u.id
     WHERE u.role = 'secretariat' GROUP BY u.id ORDER BY count(*) DESC, u.username LIMIT 1")
[ -n "${VD_USER:-}" ] || desk+=(--user "$officer")
if command -v xvfb-run >/dev/null; then
    echo "No display (DISPLAY is not set): running voucherdesk under Xvfb as $officer. Ctrl+C stops it."
    echo "To see its windows, run: bash scripts/screenshots.sh"
    exec xvfb-run -a "${desk[@]}"
fi
echo "No display and no Xvfb: running voucherdesk offscreen as $officer. Ctrl+C stops it."
QT_QPA_PLATFORM=offscreen exec "${desk[@]}"
