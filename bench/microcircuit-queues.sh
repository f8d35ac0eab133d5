#!/usr/bin/env bash
# Delivery ahead through per-slot queues against the dense ring it replaced (jmh-results/microcircuit.md,
# "Delivery through per-slot queues"), alternated, one JVM per run:
#
#   bench/microcircuit-queues.sh [BEFORE_JAR] [SCALE] [T_SIM_S] [THREADS...]
#       defaults: the dense ring built from commit 4ff30ff, 0.25:1 (a quarter of the neurons, full
#       indegree), 1 s, threads "1 2"
#
# BEFORE_JAR is a bench/target/benchmarks.jar of the old code; without one, commit 4ff30ff is
# exported to /tmp/spikelane-dense-ring and built there (a few minutes). The current tree's jar
# is built as bench/microcircuit.sh does. For each thread count, two pairs (before, after,
# before, after) of org.spikelane.bench.MicrocircuitRun; each prints RTF (wall) and ns of CPU per
# synaptic event of the measured part, and the spike counts (identical before and after: the same bits).
# About 2.5 minutes of runs at quarter scale on an idle 2-core machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
before="${1:-}"; scale="${2:-0.25:1}"; tsim="${3:-1}"; shift $(( $# > 3 ? 3 : $# )) || true
threads=("$@"); [ ${#threads[@]} -eq 0 ] && threads=(1 2)
java="$(bin/find-jdk25)/bin/java"
if [ -z "$before" ]; then
  old=/tmp/spikelane-dense-ring
  if [ ! -f "$old/bench/target/benchmarks.jar" ]; then
    rm -rf "$old"; mkdir -p "$old"
    git archive 4ff30ff | tar -x -C "$old"
    (cd "$old" && ./build package -pl bench -am -DskipTests -q)
  fi
  before="$old/bench/target/benchmarks.jar"
fi
if [ ! -f bench/target/benchmarks.jar ] || [ -n "$(find engine cli plugins bench -path '*/target' -prune -o -type f -name '*.java' -newer bench/target/benchmarks.jar -print -quit)" ]; then
  ./build package -pl bench -am -DskipTests -q
fi
after=bench/target/benchmarks.jar
echo "# $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), scale $scale, $tsim s measured; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for t in "${threads[@]}"; do
  for pair in 1 2; do
    for which in before after; do
      jar="$before"; [ "$which" = after ] && jar="$after"
      echo "## $which, threads $t, pair $pair, load $(cut -d' ' -f1-3 /proc/loadavg)"
      "$java" --add-modules jdk.incubator.vector -Xmx3g -Xms3g -XX:+UseParallelGC -cp "$jar" \
        org.spikelane.bench.MicrocircuitRun "$scale" "$tsim" "$t" 2>&1 | grep -v 'incubator modules' \
        | grep -E '^(presim|[0-9.e+]+ synaptic|\| L)'
    done
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
