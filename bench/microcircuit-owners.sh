#!/usr/bin/env bash
# How the microcircuit's work is dealt to 2 workers (jmh-results/microcircuit.md, "Where the second
# thread's time goes" and "Whole populations dealt by counted events"):
#
#   bench/microcircuit-owners.sh [SCALE] [T_SIM_S] [HEAP]      defaults: 0.25:1, 1, 3g (about 3 minutes)
#
# Runs org.spikelane.bench.MicrocircuitRun with 2 threads on the team for every step
# (-Dspikelane.threads.adaptive=false), alternating whole populations dealt again by counted events
# (the default) and whole populations kept as the build dealt them (-Dspikelane.threads.rebalance=false),
# twice each, then lane slices (-Dspikelane.threads.owners=false) and 1 thread once; prints each run's
# RTF, CPU time, ns of CPU per event and final deal with the load average. Wall-time figures mean
# something only on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scale="${1:-0.25:1}"; tsim="${2:-1}"; heap="${3:-3g}"
java="$(bin/find-jdk25)/bin/java"
if [ ! -f bench/target/benchmarks.jar ] || [ -n "$(find engine cli plugins bench -path '*/target' -prune -o -type f -name '*.java' -newer bench/target/benchmarks.jar -print -quit)" ]; then
  ./build package -pl bench -am -DskipTests -q
fi
echo "# $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), scale $scale, $tsim s measured, $(nproc) processors"
run() { # threads owners rebalance
  echo "## threads $1, whole populations $2, dealt again by counted events $3; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$java" --add-modules jdk.incubator.vector -Xmx"$heap" -Xms"$heap" -XX:+UseParallelGC \
    -Dspikelane.threads.adaptive=false -Dspikelane.threads.owners="$2" -Dspikelane.threads.rebalance="$3" \
    -cp bench/target/benchmarks.jar \
    org.spikelane.bench.MicrocircuitRun "$scale" "$tsim" "$1" 2>&1 | grep -E '^scale|^presim|per event|^population workers'
}
for i in 1 2; do run 2 true true; run 2 true false; done
run 2 false false
run 1 true true
