#!/usr/bin/env bash
# The Potjans-Diesmann microcircuit benchmark (jmh-results/microcircuit.md):
#
#   bench/microcircuit.sh [SCALE] [T_SIM_S] [HEAP]       defaults: 1 (full scale), 10, 8g
#
# For 1 and 2 threads: build, 0.5 s pre-simulation (discarded), T_SIM_S measured with spikes
# recorded (org.spikelane.bench.MicrocircuitRun), under /usr/bin/time for the peak resident memory
# and the CPU time. Then one more 1-thread run under Java Flight Recorder's method sampling, whose
# samples are split by the frame they were taken in: neuron update (the LIF kernels), delivery
# (Projection.deliver and the synapse kernels' receive), synaptic update (the synapse kernels'
# decay), input (input kernels), build (connectivity) and the rest. Prints the environment
# (JDK, CPU, load average before and after) first. Writes its files to bench/target/microcircuit/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scale="${1:-1}"; tsim="${2:-10}"; heap="${3:-8g}"
java="$(bin/find-jdk25)/bin/java"
jfr="$(dirname "$java")/jfr"
out=bench/target/microcircuit; mkdir -p "$out"
if [ ! -f bench/target/benchmarks.jar ] || [ -n "$(find engine cli plugins bench -path '*/target' -prune -o -type f -name '*.java' -newer bench/target/benchmarks.jar -print -quit)" ]; then
  ./build package -pl bench -am -DskipTests -q
fi
cp="bench/target/benchmarks.jar"
echo "# $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $("$java" -version 2>&1 | head -1)"
echo "# CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) processors; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for t in 1 2; do
  echo "## threads $t"
  /usr/bin/time -f "peak RSS %M KB, user %U s, sys %S s, elapsed %e s" \
    "$java" --add-modules jdk.incubator.vector -Xmx"$heap" -Xms"$heap" -XX:+UseParallelGC -cp "$cp" \
    org.spikelane.bench.MicrocircuitRun "$scale" "$tsim" "$t" 2>&1 | grep -v 'incubator modules'
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "## time split, 1 thread, JFR method sampling"
"$java" --add-modules jdk.incubator.vector -Xmx"$heap" -Xms"$heap" -XX:+UseParallelGC \
  -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=filename="$out/split.jfr",settings=profile -cp "$cp" \
  org.spikelane.bench.MicrocircuitRun "$scale" "$tsim" 1 > "$out/split-run.txt" 2>&1
"$jfr" print --events jdk.ExecutionSample --stack-depth 64 "$out/split.jfr" > "$out/samples.txt"
python3 bench/microcircuit-split.py "$out/samples.txt"
