#!/usr/bin/env bash
# Issue 4's sync figures, in one run, next to the PouchDB peer with the same
# N, document size and batch size: bash bench/run-sync.sh [N] [BYTES] [BATCH] [PEER]
#   PEER: the peer's run script (default ../shared/peers/pouchdb/run beside the clone).
# Prints both JSON lines and the ratios (peer time / our time: above 1 is faster).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10000} bytes=${2:-2048} batch=${3:-500}
peer=${4:-$here/../shared/peers/pouchdb/run}
build=${BUILD:-$here/build}
[ -x "$build/bin/vd-sync-bench" ] || { echo "build first: cmake --build build --target vd-sync-bench" >&2; exit 2; }
[ -x "$peer" ] || [ -f "$peer" ] || { echo "no PouchDB peer at $peer" >&2; exit 2; }
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
ours=$("$build/bin/vd-sync-bench" "$n" "$bytes" "$batch")
theirs=$(bash "$peer" "$n" "$bytes" "$batch")
echo "$ours"
echo "$theirs"
python3 - "$ours" "$theirs" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
def pick(d, *names):
    for name in names:
        if name in d: return float(d[name])
    raise SystemExit(f"no {names} in {d}")
for label, mine, peer in (("initial pull", ("pullMs",), ("pullMs",)), ("push", ("pushMs",), ("pushMs",)),
                          ("no-op sync", ("noopMs",), ("noopMs",))):
    m, p = pick(ours, *mine), pick(theirs, *peer)
    print(f"{label}: VoucherDesk {m:.1f} ms, PouchDB {p:.1f} ms, ratio {p / m:.2f}x")
print(f"100 changed cases: pushed {float(ours['changed100PushMs']):.1f} ms, pulled by the other desk {float(ours['changed100PullMs']):.1f} ms")
PY
