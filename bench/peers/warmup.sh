#!/usr/bin/env bash
# Warm-up of a fresh `./spikelane run` (issue 10: "the first simulated second within 1.5x of a
# steady-state second"): examples/cuba.yaml in fresh JVMs, four variants interleaved rep by rep:
#   off       the default: no warm-up copy
#   copy      -Dspikelane.warmup=true: cli's KernelWarmup runs a small copy while the network builds
#   aot       a JDK 25 AOT cache (-XX:AOTCache) trained by one run of this script, copy off
#   aot+copy  both
# Each rep runs org.spikelane.bench.peers.WarmupProbe (Runner.run with every simulated second
# timed: wall and main-thread CPU) for DURATION seconds, then the real `./spikelane run` for 1 s
# (its summary line's loop wall time, and the process's wall time). Writes jmh-results/warmup.md.
#
# Usage: bench/peers/warmup.sh     Knobs: REPS=5  DURATION=5 (4, 5, 8 or 10: whole seconds that
#                                  the loop's 200 progress reports divide)  OUT=jmh-results/warmup.md  NO_BUILD=1
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
command_line="bench/peers/warmup.sh $*"
reps="${REPS:-5}"
duration="${DURATION:-5}"
out="${OUT:-jmh-results/warmup.md}"
variants=(off copy aot aot+copy)

# shellcheck source=common.sh
. bench/peers/common.sh
peer_setup bench,cli
results="$work/results.jsonl"
: >"$results"
# the JVM flags of the ./spikelane launcher (heap aside), so the probe starts as the CLI does
base=(--add-modules jdk.incubator.vector -Djava.awt.headless=true)

flags() {
  case "$1" in
    off) echo "" ;;
    copy) echo "-Dspikelane.warmup=true" ;;
    aot) echo "-XX:AOTCache=$2" ;;
    aot+copy) echo "-XX:AOTCache=$2 -Dspikelane.warmup=true" ;;
  esac
}

# one training run each for the probe's and the CLI's class path (an AOT cache is tied to it)
echo "== training the AOT caches" >&2
"$java" -XX:AOTCacheOutput="$work/probe.aot" "${base[@]}" -cp "$jar" \
  org.spikelane.bench.peers.WarmupProbe examples/cuba.yaml --set "duration=2 s" >/dev/null 2>"$work/aot-probe.log"
SPIKELANE_JAVA_OPTS="-XX:AOTCacheOutput=$work/cli.aot" ./spikelane run examples/cuba.yaml \
  --set "duration=2 s" -q --out "$work/out" >/dev/null 2>"$work/aot-cli.log"
# whether the cache holds method profiles (JDK 25 stores them only with the full module graph)
training="$("$java" -XX:AOTCacheOutput="$work/check.aot" -Xlog:aot=info "${base[@]}" -cp "$jar" \
  org.spikelane.bench.peers.WarmupProbe examples/cuba.yaml --set "duration=1 s" 2>&1 \
  | grep -E 'MethodTrainingData  |archivedBootLayer|full module graph' | sed 's/^\[[^]]*\]//' | sort -u | tr '\n' ';' || true)"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
for rep in $(seq "$reps"); do
  for v in "${variants[@]}"; do
    echo "== rep $rep: $v (probe)" >&2
    # shellcheck disable=SC2046
    line="$("$java" $(flags "$v" "$work/probe.aot") "${base[@]}" -cp "$jar" org.spikelane.bench.peers.WarmupProbe \
      examples/cuba.yaml --set "duration=$duration s" 2>/dev/null)"
    echo "{\"kind\": \"probe\", \"variant\": \"$v\", \"rep\": $rep, \"load\": \"$(cut -d' ' -f1 /proc/loadavg)\", \"result\": $line}" >>"$results"
  done
  for v in "${variants[@]}"; do
    echo "== rep $rep: $v (./spikelane run)" >&2
    t0="$(date +%s.%N)"
    summary="$(SPIKELANE_JAVA_OPTS="$(flags "$v" "$work/cli.aot")" ./spikelane run examples/cuba.yaml --set "duration=1 s" -q \
      --out "$work/out" 2>/dev/null | grep ' s wall')"
    t1="$(date +%s.%N)"
    loop="$(sed -n 's/.* spikes, \([0-9.]*\) s wall.*/\1/p' <<<"$summary")"
    echo "{\"kind\": \"cli\", \"variant\": \"$v\", \"rep\": $rep, \"loop_s\": $loop, \"process_s\": $(echo "$t1 - $t0" | bc), \"load\": \"$(cut -d' ' -f1 /proc/loadavg)\"}" >>"$results"
  done
done
finished="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"

env_file="$work/env.txt"
{
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1) (family $(sed -n 's/^cpu family[[:space:]]*: //p' /proc/cpuinfo | head -1))"
  echo "cores=$(nproc)"
  echo "jdk=$("$java" -version 2>&1 | head -1) ($jdk)"
  echo "flags=${base[*]} (the launcher's, plus -Xmx from ./spikelane for the CLI runs; default GC)"
  echo "aot_training=$training"
  peer_env_tail "$started" "$finished" "$load_before" "$command_line (REPS=$reps DURATION=$duration)"
} >"$env_file"
peer_report bench/peers/warmup_summary.py "$results" "$env_file" "$out"
