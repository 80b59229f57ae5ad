#!/usr/bin/env bash
# Start-up of the desktop app (issue 3): from launch to the first painted page
# of the main window, and resident memory at that moment, on a demo workspace,
# signed in as the secretariat officer with the most open cases. Runs offscreen.
#   bash bench/run-desktop.sh [APPLICATIONS=2000] [RUNS=5]
# VD_BUILD_DIR (default build/) needs voucherdesk, voucherdesk-cli and vd-deadline-bench;
# VD_WORKSPACE names an existing workspace to use instead of making one
# (opening it writes nothing but SQLite's WAL index).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VD_BUILD_DIR:-$root/build}
n=${1:-2000}
runs=${2:-5}
work=$(mktemp -d /tmp/vd-desktop-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

workspace=${VD_WORKSPACE:-}
if [ -z "$workspace" ]; then
    workspace=$work/demo
    "$build/bin/voucherdesk-cli" demo --workspace "$workspace" --applications "$n" --seed 7 >/dev/null 2>&1
fi
officer=$(sqlite3 -readonly "$workspace/workspace.sqlite" \
    "SELECT u.username FROM users u JOIN applications a ON a.case_officer_id = u.id
     WHERE u.role = 'secretariat' AND a.status NOT IN ('draft', 'returned', 'withdrawn', 'not_processed',
     'not_supported', 'closed', 'terminated') GROUP BY u.id ORDER BY count(*) DESC, u.username LIMIT 1")
applications=$(sqlite3 -readonly "$workspace/workspace.sqlite" "SELECT count(*) FROM applications")

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { sed -n "s/.*\"$1\":\([0-9-]*\).*/\1/p"; }

: > "$work/figures"
for _ in $(seq "$runs"); do
    # Settings of their own, so a language remembered elsewhere does not count.
    XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen VD_REPORT_FIRST_PAINT=1 \
        "$build/bin/voucherdesk" --workspace "$workspace" --user "$officer" >> "$work/figures"
done
# The floor: an empty Qt main window, started and measured the same way.
: > "$work/floor"
for _ in $(seq "$runs"); do
    QT_QPA_PLATFORM=offscreen VD_REPORT_FIRST_PAINT=1 "$build/bin/vd-empty-window" >> "$work/floor"
done

echo "### voucherdesk start-up, $applications applications"
echo
echo "Command: \`bash bench/run-desktop.sh $n $runs\`$([ -n "${VD_WORKSPACE:-}" ] && echo " with VD_WORKSPACE=$VD_WORKSPACE"), signed in as $officer, offscreen, median of $runs runs."
echo
echo "| measure | median | runs | empty Qt window (median) | ratio |"
echo "|---|---|---|---|---|"
for measure in first_paint_ms since_main_ms rss_kb; do
    values=$(field "$measure" < "$work/figures")
    ours=$(echo "$values" | median)
    floor=$(field "$measure" < "$work/floor" | median)
    ratio=$(awk -v a="$ours" -v b="$floor" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
    echo "| $measure | $ours | $(echo $values | tr ' ' ',') | $floor | $ratio |"
done
for _ in $(seq "$runs"); do
    "$build/bin/vd-deadline-bench" "$workspace" "$officer" >> "$work/deadlines"
done
values=$(field deadline_watch_ms < "$work/deadlines")
echo "| deadline_watch_ms (start-up page, read on its own thread while the window opens) | $(echo "$values" | median) | $(echo $values | tr ' ' ',') |"
echo
echo "The start-up page lists $(field deadlines < "$work/deadlines" | head -1) running deadlines for $officer."
echo "first_paint_ms counts from the process start the kernel recorded (/proc/self/stat, 10 ms ticks);"
echo "since_main_ms from the first line of main(); rss_kb is VmRSS at the first paint."
