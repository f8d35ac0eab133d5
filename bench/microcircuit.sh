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
  -XX:StartFlightRecording=filename="$out/split.jfr",settings=profile -cp "$cp" \
  org.spikelane.bench.MicrocircuitRun "$scale" "$tsim" 1 > "$out/split-run.txt" 2>&1
"$jfr" print --events jdk.ExecutionSample --stack-depth 64 "$out/split.jfr" > "$out/samples.txt"
python3 - "$out/samples.txt" <<'PY'
import re, sys, collections
# each sample: its frames, innermost first; the first frame that names a known part decides
parts = [("delivery", re.compile(r"Projection\.deliver|\.receive\(|SpikeRing")),
         ("neuron update", re.compile(r"LifKernel|LifPopulation\.|Population\.update|finishStep")),
         ("synaptic update", re.compile(r"Synapse\w*Kernel\.update|\.update\(long, int, int\)|feedExp|decay")),
         ("input", re.compile(r"inputs\.|InputKernel|BiasInput|PoissonInput")),
         ("build", re.compile(r"TotalNumberTable|ConnectRule|SynapseTable\.<init>|ProjectionSpec")),
         ("spike recording", re.compile(r"SpikeRecorder"))]
count = collections.Counter(); total = 0
for block in open(sys.argv[1]).read().split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w.$<>]+\([^)]*\))\s+line:", block, re.M)
    if not frames: continue
    total += 1
    for name, rx in parts:
        if any(rx.search(f) for f in frames): count[name] += 1; break
    else: count["other"] += 1
print(f"{total} samples")
for name, n in count.most_common(): print(f"| {name} | {n} | {100*n/total:.1f} % |")
PY
