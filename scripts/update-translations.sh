#!/usr/bin/env bash
# Re-scans the sources for translatable strings and updates translations/*.ts,
# keeping every existing translation. Run after adding or changing strings.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
dirs=(domain app)
[ -d forms ] && dirs+=(forms)
"$lupdate" -no-obsolete -locations relative "${dirs[@]}" \
    -ts translations/voucherdesk_en.ts translations/voucherdesk_zh_HK.ts translations/voucherdesk_zh_CN.ts
