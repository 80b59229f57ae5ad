#!/usr/bin/env bash
# The back office under load (issue 4): wrk on POST /api/v1/sync/pull, 32 connections, on 127.0.0.1 only.
#   bash bench/run-backoffice-load.sh [SECONDS] [DEMO_APPLICATIONS] [THREADS] [KEEP_ALIVE_SECONDS]
# Two passes, each SECONDS long (default 20): a pull with nothing new (cursor at the head: what every
# idle desk asks) and a pull of a page of 50 changes from the start (a desk catching up). Prints wrk's
# figures, the back office's CPU time in each pass, and its resident memory at rest, at its highest
# during each pass and over the run (VmHWM). Every step is bounded: wrk runs SECONDS, the server is
# stopped at the end.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20} demo=${2:-2000} threads=${3:-32} keepalive=${4:-10}
build=${BUILD:-$here/build}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
[ -x "$build/bin/voucherdesk-backoffice" ] || { echo "build first: cmake --build build --target voucherdesk-backoffice" >&2; exit 2; }
dir=$(mktemp -d)
pid=
finish() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$dir"; }
trap finish EXIT
"$build/bin/voucherdesk-backoffice" --data "$dir/data" --http --port 0 --demo-applications "$demo" \
    -D limits.threads="$threads" -D limits.queued=256 -D limits.keep_alive_seconds="$keepalive" \
    -D limits.keep_alive_requests=100000 -D limits.requests_per_second=1000000 -D limits.burst=1000000 \
    >"$dir/log" 2>&1 &
pid=$!
for _ in $(seq 1 1500); do grep -q '"listening"' "$dir/log" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
port=$(grep '"listening"' "$dir/log" | sed 's/.*"port":\([0-9]*\).*/\1/')
[ -n "$port" ] || { echo "the back office did not start:" >&2; cat "$dir/log" >&2; exit 1; }
url=http://127.0.0.1:$port
user=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT username FROM users WHERE role='secretariat' AND active=1 ORDER BY username LIMIT 1\").fetchone()[0])" "$dir/data/workspace.sqlite")
token=$(curl -sf -X POST "$url/api/v1/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"voucherdesk-demo\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
[ -n "$token" ] || { echo "could not sign in as $user" >&2; exit 1; }
head=$(curl -sf -X POST "$url/api/v1/sync/pull" -H "Authorization: Bearer $token" -H 'VoucherDesk-Protocol: 1' \
    -H 'Content-Type: application/json' -d '{"device_id":"wrk-load","cursor":0,"limit":1}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["head"])')
rss() { awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null; }
cpu() { awk '{print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' "/proc/$pid/stat" 2>/dev/null; }
echo "back office: $demo demo applications, change log head $head, limits.threads $threads, keep-alive ${keepalive}s"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); resident memory at rest: $(rss) MiB"
pass() { # label cursor limit
    local sampler before
    ( for _ in $(seq 1 $((seconds * 4 + 8))); do rss; sleep 0.25; done ) >"$dir/rss" &
    sampler=$!
    before=$(cpu)
    echo "== $1"
    VD_TOKEN=$token VD_CURSOR=$2 VD_LIMIT=$3 timeout $((seconds + 30)) \
        wrk -t2 -c32 -d"${seconds}s" --timeout 10s --latency -s "$here/bench/pull.lua" "$url/api/v1/sync/pull" >"$dir/wrk"
    grep -E 'Requests/sec|Transfer/sec|Latency  |  50%|  99%|requests in|Non-2xx|Socket errors' "$dir/wrk"
    echo "back office CPU in the pass: $(python3 -c "print(round(($(cpu) - $before) / 1000, 2))") s of ${seconds} s wall; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
    echo "resident memory under load: at most $(sort -n "$dir/rss" | tail -1) MiB"
}
pass "pull with nothing new (cursor at the head)" "$head" 500
pass "pull of a page of 50 changes from the start" 0 50
echo "highest resident memory of the run (VmHWM): $(awk '/^VmHWM/ {print int($2/1024)}' "/proc/$pid/status") MiB"
