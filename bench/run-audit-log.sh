#!/usr/bin/env bash
# Issue 5's audit-log and sealing figures (BENCHMARKS.md "Issue 5"): the Merkle
# root over 1,000,000 entries next to SHA-256 alone and `openssl speed`'s rate
# for the same message sizes, consistency proofs, and AES-256-GCM sealing next
# to `openssl speed -evp aes-256-gcm`, all in one run.
#   bash bench/run-audit-log.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
cmake --build "$build" --target vd-merkle-bench vd-seal-bench
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== vd-merkle-bench 1000000"
/usr/bin/time -f "%e s wall, %U s user, %S s sys" "$build/bin/vd-merkle-bench" 1000000
echo "== openssl speed sha256, 33- and 65-byte messages (the leaf and node sizes)"
openssl speed -seconds 3 -bytes 33 -evp sha256 2>/dev/null | tail -1
openssl speed -seconds 3 -bytes 65 -evp sha256 2>/dev/null | tail -1
echo "== vd-seal-bench 64"
/usr/bin/time -f "%e s wall, %U s user, %S s sys" "$build/bin/vd-seal-bench" 64
echo "== openssl speed -evp aes-256-gcm, 1024- and 16384-byte blocks"
openssl speed -seconds 3 -bytes 1024 -evp aes-256-gcm 2>/dev/null | tail -1
openssl speed -seconds 3 -bytes 16384 -evp aes-256-gcm 2>/dev/null | tail -1
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
