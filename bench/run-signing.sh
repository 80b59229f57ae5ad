#!/usr/bin/env bash
# Issue 5's sign and verify throughput, next to `openssl speed ecdsap256` in the same run:
#   bash bench/run-signing.sh [SECONDS] [SIGNATURES]     (defaults 3 and 10000)
# Both count operations per second of user CPU time (openssl speed's divisor). Prints both, the ratios
# (ours / openssl speed: the target is at least 0.70 for raw sign and verify) and the time to verify
# SIGNATURES submission signatures (detached CMS) as the back office does on arrival.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-3} signatures=${2:-10000}
build=${BUILD:-$here/build}
[ -x "$build/bin/vd-signing-bench" ] || { echo "build first: cmake --build build --target vd-signing-bench" >&2; exit 2; }
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
speed=$(openssl speed -seconds "$seconds" ecdsap256 2>/dev/null | grep 'ecdsa (nistp256)')
ours=$("$build/bin/vd-signing-bench" "$seconds" "$signatures")
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "openssl speed: $speed"
echo "$ours"
python3 - "$speed" "$ours" <<'PY'
import json, sys
fields = sys.argv[1].split()
speed_sign, speed_verify = float(fields[-2]), float(fields[-1])
ours = json.loads(sys.argv[2])
print(f"openssl speed ecdsap256: {speed_sign:.0f} sign/s, {speed_verify:.0f} verify/s")
for label, key, base in (("raw sign (EVP_DigestSign, SHA-256 of the manifest)", "rawSignPerSec", speed_sign),
                         ("raw verify (EVP_DigestVerify)", "rawVerifyPerSec", speed_verify),
                         ("CMS sign (DetachedSignature::sign)", "cmsSignPerSec", speed_sign),
                         ("CMS verify, fresh (DetachedSignature::verify)", "cmsVerifyPerSec", speed_verify),
                         ("CMS verify, signer known (SignatureVerifier)", "cmsVerifyKnownSignerPerSec", speed_verify)):
    print(f"{label}: {ours[key]:.0f}/s, {ours[key] / base:.2f} of openssl speed")
n = ours["submissions"]
print(f"verify {n} submission signatures ({ours['manifestBytes']}-byte manifests, {ours['signatureBytes']}-byte signatures):"
      f" fresh {ours['freshCpuS']:.2f} s CPU ({ours['freshWallS']:.2f} s wall),"
      f" one SignatureVerifier over 100 signers {ours['verifierCpuS']:.2f} s CPU ({ours['verifierWallS']:.2f} s wall)")
PY
