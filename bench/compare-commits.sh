#!/usr/bin/env bash
# Two commits of the engine on the Potjans-Diesmann microcircuit, alternated, one JVM per run
# (jmh-results/microcircuit.md, "Delivery through per-slot queues"):
#
#   bench/compare-commits.sh COMMIT_A COMMIT_B [SCALE] [T_SIM_S] [HEAP] [THREADS...]
#       defaults: SCALE 0.25:1 (a quarter of the neurons, full indegree), T_SIM_S 1, HEAP 3g, THREADS 1 2
#
# Each commit is exported with git archive to /tmp/spikelane-commit-<sha> and its benchmark jar
# built there once (a few minutes each; nothing is installed into ~/.m2). Then, per thread count,
# two pairs (A, B, A, B) of org.spikelane.bench.MicrocircuitRun: 0.5 s discarded, T_SIM_S
# measured; each prints RTF (wall), ns of CPU per synaptic event of the measured part (process
# CPU time) and the spikes per population, which must be the same for two commits that claim the
# same bits. E.g. the dense ring against the queues per slot:
#   bench/compare-commits.sh 4ff30ff 64ba105            # about 3 minutes of runs on an idle machine
#   bench/compare-commits.sh 4ff30ff 64ba105 1 1 8g 1   # full scale, 1 thread (about 6 minutes)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -ge 2 ] || { echo "usage: bench/compare-commits.sh COMMIT_A COMMIT_B [SCALE] [T_SIM_S] [HEAP] [THREADS...]" >&2; exit 2; }
a="$(git rev-parse --short "$1")"; b="$(git rev-parse --short "$2")"
scale="${3:-0.25:1}"; tsim="${4:-1}"; heap="${5:-3g}"
shift $(( $# > 5 ? 5 : $# ))
threads=("$@"); [ ${#threads[@]} -eq 0 ] && threads=(1 2)
java="$(bin/find-jdk25)/bin/java"
jar_of() {
  local dir="/tmp/spikelane-commit-$1"
  if [ ! -f "$dir/bench/target/benchmarks.jar" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    git archive "$1" | tar -x -C "$dir"
    (cd "$dir" && ./build package -pl bench -am -DskipTests -q) >&2
  fi
  echo "$dir/bench/target/benchmarks.jar"
}
jar_a="$(jar_of "$a")"; jar_b="$(jar_of "$b")"
echo "# $(date -u +%FT%TZ), A = $a, B = $b, scale $scale, $tsim s measured, heap $heap; $("$java" -version 2>&1 | head -1)"
echo "# CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) processors; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for t in "${threads[@]}"; do
  for pair in 1 2; do
    for which in A B; do
      jar="$jar_a"; [ "$which" = B ] && jar="$jar_b"
      echo "## $which, threads $t, pair $pair, load $(cut -d' ' -f1-3 /proc/loadavg)"
      "$java" --add-modules jdk.incubator.vector -Xmx"$heap" -Xms"$heap" -XX:+UseParallelGC -cp "$jar" \
        org.spikelane.bench.MicrocircuitRun "$scale" "$tsim" "$t" 2>&1 | grep -v 'incubator modules' \
        | grep -E '^(presim|[0-9.e+]+ synaptic|\| L)'
    done
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
