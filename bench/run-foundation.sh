#!/usr/bin/env bash
# Benchmarks of the foundation, each next to a baseline measured in the same
# run. Prints a Markdown section for BENCHMARKS.md.
#   bash bench/run-foundation.sh [APPLICATIONS=100000] [AUDIT_ENTRIES=1000000]
# Needs a build (VD_BUILD_DIR, default build/) with voucherdesk-cli,
# vd-search-bench and vd-audit-bench, and the sqlite3 and openssl commands.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VD_BUILD_DIR:-$root/build}
cli=$build/bin/voucherdesk-cli
searchbench=$build/bin/vd-search-bench
auditbench=$build/bin/vd-audit-bench
n=${1:-100000}
audit_n=${2:-1000000}
work=$(mktemp -d /tmp/vd-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.1f", a / b }'; }
has_command() { "$cli" "$1" --help >/dev/null 2>&1; }

echo "## Foundation benchmarks"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/SQLite /'), $(openssl version | cut -d' ' -f1-2)."
echo "Command: \`bash bench/run-foundation.sh $n $audit_n\` at commit $(git -C "$root" rev-parse --short HEAD), $(date -u +%Y-%m-%d)."
echo

# 1. Demo data: N applications with their whole history, against writing the
#    same number of bytes to the same disk with fsync (a physical floor).
# The CPU time (user + system) is printed too: on a machine shared with other
# work the wall time measures the load as much as the program.
t0=$(now_ms)
TIMEFORMAT='%U %S'
demo_cpu=$( { time "$cli" demo --workspace "$work/demo" --applications "$n" --seed 42 >/dev/null 2>&1; } 2>&1 )
demo_ms=$(( $(now_ms) - t0 ))
demo_cpu_s=$(awk -v u="${demo_cpu% *}" -v s="${demo_cpu#* }" 'BEGIN { printf "%.2f", u + s }')
"$cli" stats --workspace "$work/demo" >/dev/null   # settles the file (the demo itself writes it without a WAL)
db_bytes=$(stat -c %s "$work/demo/workspace.sqlite")
t0=$(now_ms)
dd if=/dev/zero of="$work/floor.bin" bs=1M count=$(( db_bytes / 1048576 + 1 )) conv=fsync status=none
dd_ms=$(( $(now_ms) - t0 )); rm -f "$work/floor.bin"
rows=$(sqlite3 "$work/demo/workspace.sqlite" "SELECT (SELECT count(*) FROM applications) || ' applications, ' || (SELECT count(*) FROM audit_entries) || ' audit entries, ' || (SELECT count(*) FROM outbox) || ' outbox entries'")
echo "### demo --applications $n"
echo
echo "| figure | value |"
echo "|---|---|"
echo "| written | $rows |"
echo "| time | $(seconds $demo_ms) s (target: under 30 s) |"
echo "| CPU time (user + system) | $demo_cpu_s s |"
echo "| load average when it ended | $(cut -d' ' -f1 /proc/loadavg) |"
echo "| workspace size | $(( db_bytes / 1048576 )) MiB |"
echo "| baseline: writing the same bytes with fsync (\`dd conv=fsync\`) | $(seconds $dd_ms) s |"
echo "| ratio demo / raw write | $(ratio $demo_ms $dd_ms) |"
echo

# 2. Search at N applications over Chinese and English words, next to a plain
#    LIKE scan of the same table by the sqlite3 shell.
echo "### search at $n applications"
echo
"$searchbench" "$work/demo" 30
echo

# 3. audit verify over AUDIT_ENTRIES entries, next to SHA-256 alone over the
#    same bytes at the rate `openssl speed sha256` gives in this run.
written=$("$auditbench" "$work/audit" "$audit_n")
t0=$(now_ms)
"$cli" audit verify --workspace "$work/audit" >/dev/null
verify_ms=$(( $(now_ms) - t0 ))
entries=$(sqlite3 "$work/audit/workspace.sqlite" "SELECT count(*) FROM audit_entries")
# The bytes auditChainHash (domain/store/audittrail.h) hashes for each entry:
# the previous hash as 0x01, 8-byte length, 32 bytes; the six texts (never
# NULL) as 0x01, 8-byte length, their UTF-8; each JSON as 0x01, 8-byte length,
# its bytes, or the one byte 0x00 when NULL.
hashed=$(sqlite3 "$work/audit/workspace.sqlite" "SELECT sum(41 + 6 * 9
    + length(CAST(id AS BLOB)) + length(CAST(at AS BLOB)) + length(CAST(actor_id AS BLOB))
    + length(CAST(action AS BLOB)) + length(CAST(entity_type AS BLOB)) + length(CAST(entity_id AS BLOB))
    + CASE WHEN before_json IS NULL THEN 1 ELSE 9 + length(CAST(before_json AS BLOB)) END
    + CASE WHEN after_json IS NULL THEN 1 ELSE 9 + length(CAST(after_json AS BLOB)) END) FROM audit_entries")
avg=$(( hashed / entries ))
rate_kbs=$(openssl speed -seconds 3 -bytes "$avg" sha256 2>/dev/null | awk '/^sha256/ {gsub("k","",$2); print $2}')
floor_ms=$(awk -v b="$hashed" -v r="$rate_kbs" 'BEGIN { printf "%d", b / (r * 1000) * 1000 }')
echo "### audit verify over $entries entries"
echo
echo "| figure | value |"
echo "|---|---|"
echo "| trail written by \`vd-audit-bench\` | $written |"
echo "| \`voucherdesk-cli audit verify\`, the whole process | $(seconds $verify_ms) s (target: under 5 s) |"
echo "| bytes hashed | $(( hashed / 1048576 )) MiB, $avg bytes an entry |"
echo "| \`openssl speed -bytes $avg sha256\` | $(awk -v r="$rate_kbs" 'BEGIN { printf "%.0f", r / 1024 }') MiB/s |"
echo "| baseline: SHA-256 alone over the same bytes at that rate | $(seconds $floor_ms) s |"
echo "| ratio verify / SHA-256 alone | $(ratio $verify_ms $floor_ms) |"
echo

# 4. Import of 10,000 applications into an empty workspace, next to the sqlite3
#    shell replaying a plain SQL dump of the same imported tables.
echo "### import of 10,000 applications"
echo
if ! has_command import || ! has_command export; then
    echo "Not measured: this build has no \`import\`/\`export\` command (they come with branch \`exchange\`)."
    exit 0
fi
"$cli" demo --workspace "$work/src" --applications 10000 --seed 7 >/dev/null 2>&1
"$cli" export --workspace "$work/src" --output "$work/export.json"
"$cli" init --workspace "$work/dst" >/dev/null
t0=$(now_ms)
"$cli" import "$work/export.json" --workspace "$work/dst" >/dev/null
import_ms=$(( $(now_ms) - t0 ))
sqlite3 "$work/dst/workspace.sqlite" .dump > "$work/dump.sql"
t0=$(now_ms)
sqlite3 "$work/replay.sqlite" < "$work/dump.sql"
replay_ms=$(( $(now_ms) - t0 ))
echo "| figure | value |"
echo "|---|---|"
echo "| document | $(( $(stat -c %s "$work/export.json") / 1048576 )) MiB of JSON |"
echo "| import time | $(seconds $import_ms) s |"
echo "| baseline: sqlite3 replaying a SQL dump of the result | $(seconds $replay_ms) s |"
echo "| ratio import / replay | $(ratio $import_ms $replay_ms) |"
