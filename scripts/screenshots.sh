#!/usr/bin/env bash
# Screenshots of the desktop app's main windows, in Traditional Chinese and in
# English, into docs/screenshots/ (or the folder given). Builds if needed and
# makes a demo workspace of 1,500 applications to photograph. Runs offscreen.
#   bash scripts/screenshots.sh [FOLDER=docs/screenshots]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VD_BUILD_DIR:-$root/build}
folder=${1:-$root/docs/screenshots}
[ -x "$build/bin/voucherdesk" ] && [ -x "$build/bin/voucherdesk-cli" ] || "$root/scripts/build.sh"
work=$(mktemp -d /tmp/vd-screenshots.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$build/bin/voucherdesk-cli" demo --workspace "$work/demo" --applications "${VD_DEMO_APPLICATIONS:-1500}" --seed 7 >/dev/null 2>&1
# The officer with the most open cases: the fullest pages.
officer=$(sqlite3 -readonly "$work/demo/workspace.sqlite" \
    "SELECT u.username FROM users u JOIN applications a ON a.case_officer_id = u.id
     WHERE u.role = 'secretariat' AND a.status NOT IN ('draft', 'returned', 'withdrawn', 'not_processed',
     'not_supported', 'closed', 'terminated') GROUP BY u.id ORDER BY count(*) DESC, u.username LIMIT 1")
QT_QPA_PLATFORM=offscreen "$build/bin/voucherdesk" --workspace "$work/demo" --user "$officer" --screenshots "$folder"
