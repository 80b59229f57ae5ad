#!/usr/bin/env bash
# The workspace document (docs/formats.md), each figure next to a baseline
# measured in the same run: export against the sqlite3 shell dumping the same
# workspace as SQL text, import into an empty workspace against the sqlite3
# shell replaying a SQL dump of what the import wrote. Peak memory is the
# process's anonymous memory (heap, SQLite's page cache), sampled every 50 ms.
# Prints a Markdown section for BENCHMARKS.md.
#   bash bench/run-exchange.sh [APPLICATIONS=10000]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VD_BUILD_DIR:-$root/build}
cli=$build/bin/voucherdesk-cli
n=${1:-10000}
work=$(mktemp -d /tmp/vd-bench-exchange.XXXXXX)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

# Runs a command, setting elapsed_ms and peak_kb (its largest RssAnon).
measure() {
    local t0 pid kb
    t0=$(now_ms)
    "$@" >/dev/null &
    pid=$!
    peak_kb=0
    while kill -0 "$pid" 2>/dev/null; do
        kb=$(awk '/RssAnon/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        if [ -n "$kb" ] && [ "$kb" -gt "$peak_kb" ]; then peak_kb=$kb; fi
        sleep 0.05
    done
    wait "$pid"
    elapsed_ms=$(( $(now_ms) - t0 ))
}

"$cli" demo --workspace "$work/source" --applications "$n" --seed 7 >/dev/null 2>&1
records=$(sqlite3 "$work/source/workspace.sqlite" "SELECT count(*) FROM audit_entries")

measure "$cli" export --workspace "$work/source" --output "$work/export.json"
export_ms=$elapsed_ms; export_kb=$peak_kb
document_mib=$(( $(stat -c %s "$work/export.json") / 1048576 ))
t0=$(now_ms)
sqlite3 "$work/source/workspace.sqlite" .dump > "$work/source.sql"
dump_ms=$(( $(now_ms) - t0 ))

"$cli" init --workspace "$work/restored" >/dev/null
measure "$cli" import "$work/export.json" --workspace "$work/restored"
import_ms=$elapsed_ms; import_kb=$peak_kb
sqlite3 "$work/restored/workspace.sqlite" .dump > "$work/restored.sql"
t0=$(now_ms)
sqlite3 "$work/replay.sqlite" < "$work/restored.sql"
replay_ms=$(( $(now_ms) - t0 ))

"$cli" export --workspace "$work/restored" --output "$work/again.json" >/dev/null
same=$(cmp -s <(tail -n +2 "$work/export.json") <(tail -n +2 "$work/again.json") && echo yes || echo NO)

echo "### workspace document at $n applications"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg). Command: \`bash bench/run-exchange.sh $n\`, $(date -u +%Y-%m-%d)."
echo
echo "| figure | value |"
echo "|---|---|"
echo "| records (= audit entries) | $records |"
echo "| document | $document_mib MiB |"
echo "| export | $(seconds "$export_ms") s, peak $(( export_kb / 1024 )) MiB |"
echo "| sqlite3 .dump of the same workspace | $(seconds "$dump_ms") s |"
echo "| ratio export / dump | $(ratio "$export_ms" "$dump_ms") |"
echo "| import into an empty workspace (restore) | $(seconds "$import_ms") s, peak $(( import_kb / 1024 )) MiB |"
echo "| sqlite3 replaying a SQL dump of the result | $(seconds "$replay_ms") s |"
echo "| ratio import / replay | $(ratio "$import_ms" "$replay_ms") |"
echo "| export → import → export identical but for exported_at | $same |"
