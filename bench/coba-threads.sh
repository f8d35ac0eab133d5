#!/usr/bin/env bash
# COBA float32 at 4k / 40k / 400k neurons, 1 against 2 worker threads, wall clock
# (jmh-results/fused-currents.md, "Fused conductances"; issue 10's target: 2 threads >= 1.7x at 40k and 400k):
#
#   bench/coba-threads.sh [SIZES]      default 4000,40000,400000 (about 2 minutes)
#   NETWORK=cuba bench/coba-threads.sh 40000,400000   the same for CUBA
#
# Runs ThreadScalingBenchmark (network=coba, adaptive off: every step on the team) in one JMH run,
# 1 fork, 1 warm-up and 3 measured iterations of 2 s per point, then prints ms per 0.1 s simulated for
# 1 and 2 threads and their ratio, with the load average before and after. Wall time means something
# only on a quiet machine: run it when nothing else runs. Raw JSON: /tmp/$network-threads.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${1:-4000,40000,400000}"
network="${NETWORK:-coba}"
java="$(bin/find-jdk25)/bin/java"
if [ ! -f bench/target/benchmarks.jar ] || [ -n "$(find engine cli plugins bench -path '*/target' -prune -o -type f -name '*.java' -newer bench/target/benchmarks.jar -print -quit)" ]; then
  ./build package -pl bench -am -DskipTests -q
fi
echo "# $network, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $(nproc) processors, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" -jar bench/target/benchmarks.jar ThreadScalingBenchmark -p network="$network" -p n="$sizes" -p threads=1,2 \
  -f 1 -wi 1 -i 3 -w 2 -r 2 -rf json -rff /tmp/$network-threads.json > /tmp/$network-threads.log 2>&1 \
  || { tail -30 /tmp/$network-threads.log; exit 1; }
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
NETWORK="$network" python3 - <<'PY'
import json, os
rows = {}
for r in json.load(open("/tmp/" + os.environ["NETWORK"] + "-threads.json")):
    p = r["params"]
    rows[(int(p["n"]), int(p["threads"]))] = r["primaryMetric"]
print("| N | 1 thread, ms / 0.1 s (min) | 2 threads, ms / 0.1 s (min) | speed-up, means (min / min) |")
print("|---:|---:|---:|---:|")
for n in sorted({n for n, _ in rows}):
    one, two = rows.get((n, 1)), rows.get((n, 2))
    if not one or not two:
        continue
    lo1, lo2 = min(one["rawData"][0]), min(two["rawData"][0])
    print(f"| {n:,} | {one['score']:.1f} ({lo1:.1f}) | {two['score']:.1f} ({lo2:.1f}) | {one['score'] / two['score']:.2f}x ({lo1 / lo2:.2f}x) |")
PY
