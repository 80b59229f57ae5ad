#!/usr/bin/env bash
# The back office under load (issue 4): wrk on POST /api/v1/sync/pull, 32 connections, on loopback.
#   bash bench/run-backoffice-load.sh [SECONDS] [DEMO_APPLICATIONS] [THREADS]
# Two passes, each SECONDS long (default 20): a pull with nothing new (cursor at the head: what every
# idle desk asks) and a pull of a page of 50 changes from the start (a desk catching up). Prints
# wrk's figures, and the back office's resident memory before, at its highest during and after.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20} demo=${2:-2000} threads=${3:-32}
build=${BUILD:-$here/build}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT
"$build/bin/voucherdesk-backoffice" --data "$dir/data" --http --port 0 --demo-applications "$demo" \
    -D limits.threads="$threads" -D limits.queued=256 -D limits.keep_alive_seconds=10 \
    -D limits.keep_alive_requests=1000000 -D limits.requests_per_second=1000000 -D limits.burst=1000000 \
    >"$dir/log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do grep -q '"listening"' "$dir/log" && break; sleep 0.2; done
port=$(grep '"listening"' "$dir/log" | sed 's/.*"port":\([0-9]*\).*/\1/')
[ -n "$port" ] || { cat "$dir/log" >&2; exit 1; }
url=http://127.0.0.1:$port
user=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT username FROM users WHERE role='secretariat' AND active=1 ORDER BY username LIMIT 1\").fetchone()[0])" "$dir/data/workspace.sqlite")
token=$(curl -sf -X POST "$url/api/v1/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"voucherdesk-demo\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
head=$(curl -sf -X POST "$url/api/v1/sync/pull" -H "Authorization: Bearer $token" -H 'VoucherDesk-Protocol: 1' \
    -H 'Content-Type: application/json' -d '{"device_id":"wrk-load","cursor":0,"limit":1}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["head"])')
rss() { awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }
echo "back office: $demo demo applications, change log head $head, limits.threads $threads; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "resident memory at rest: $(rss) MiB"
run() { # label cursor limit
    local peak=0 sampler
    ( while sleep 0.25; do rss; done ) >"$dir/rss" & sampler=$!
    echo "== $1"
    VD_TOKEN=$token VD_CURSOR=$2 VD_LIMIT=$3 wrk -t2 -c32 -d"${seconds}s" --latency -s "$here/bench/pull.lua" "$url/api/v1/sync/pull" \
        | grep -E 'Requests/sec|Transfer/sec|Latency  |  50%|  99%|requests in|Non-2xx|Socket errors'
    kill "$sampler"; wait "$sampler" 2>/dev/null || true
    peak=$(sort -n "$dir/rss" | tail -1)
    echo "resident memory under load: at most $peak MiB"
}
run "pull with nothing new (cursor at the head)" "$head" 500
run "pull of a page of 50 changes from the start" 0 50
echo "highest resident memory of the run (VmHWM): $(awk '/^VmHWM/ {print int($2/1024)}' "/proc/$pid/status") MiB"
