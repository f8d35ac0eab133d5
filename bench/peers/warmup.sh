#!/usr/bin/env bash
# Warm-up of a fresh `./spikelane run` (issue 10: "the first simulated second within 1.5x of a
# steady-state second"): examples/cuba.yaml in fresh JVMs, four variants interleaved rep by rep:
#   before  the JVM's default JIT settings, no warm-up copy (the launcher before this was built)
#   jit     bin/jit.jvmopts (the launcher's JIT thresholds), no copy
#   copy    the warm-up copy (cli KernelWarmup), the JVM's default JIT settings
#   after   both: what ./spikelane does now
# Each rep runs org.spikelane.bench.peers.WarmupProbe (Runner.run with every simulated second
# timed: wall and main-thread CPU; the JVM's uptime at the end of the first simulated second; what
# the copy did) for DURATION seconds, then the real `./spikelane run` for 1 s (its summary line's
# loop wall time, and the process's wall time). Writes jmh-results/warmup.md.
#
# Usage: bench/peers/warmup.sh     Knobs: REPS=3  DURATION=5 (4, 5, 8 or 10: whole seconds that
#                                  the loop's 200 progress reports divide)  OUT=jmh-results/warmup.md  NO_BUILD=1
# About 25 s per rep on an idle 2-core machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
command_line="bench/peers/warmup.sh $*"
reps="${REPS:-3}"
duration="${DURATION:-5}"
out="${OUT:-jmh-results/warmup.md}"
variants=(before jit copy after)

# shellcheck source=common.sh
. bench/peers/common.sh
peer_setup bench,cli
results="$work/results.jsonl"
: >"$results"
# the JVM flags of the ./spikelane launcher (heap aside), so the probe starts as the CLI does
base=(--add-modules jdk.incubator.vector -Djava.awt.headless=true)

# the probe's JVM options per variant (the launcher adds the same @bin/jit.jvmopts unless SPIKELANE_JIT_FLAGS=0)
flags() {
  case "$1" in
    before) echo "-Dspikelane.warmup=false" ;;
    jit) echo "@bin/jit.jvmopts -Dspikelane.warmup=false" ;;
    copy) echo "-Dspikelane.warmup=true" ;;
    after) echo "@bin/jit.jvmopts -Dspikelane.warmup=true" ;;
  esac
}
# for ./spikelane: whether it passes bin/jit.jvmopts, and the warm-up switch (always set, so that
# every variant gets the same heap: SPIKELANE_JAVA_OPTS replaces the launcher's default -Xmx)
cli_jit() { case "$1" in before|copy) echo 0 ;; *) echo 1 ;; esac; }
cli_opts() { case "$1" in before|jit) echo "-Dspikelane.warmup=false -Xmx2g" ;; *) echo "-Dspikelane.warmup=true -Xmx2g" ;; esac; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
for rep in $(seq "$reps"); do
  for v in "${variants[@]}"; do
    echo "== rep $rep: $v (probe)" >&2
    # shellcheck disable=SC2046
    line="$("$java" $(flags "$v") "${base[@]}" -cp "$jar" org.spikelane.bench.peers.WarmupProbe \
      examples/cuba.yaml --set "duration=$duration s" 2>/dev/null)"
    echo "{\"kind\": \"probe\", \"variant\": \"$v\", \"rep\": $rep, \"load\": \"$(cut -d' ' -f1 /proc/loadavg)\", \"result\": $line}" >>"$results"
  done
  for v in "${variants[@]}"; do
    echo "== rep $rep: $v (./spikelane run)" >&2
    t0="$(date +%s.%N)"
    summary="$(SPIKELANE_JIT_FLAGS="$(cli_jit "$v")" SPIKELANE_JAVA_OPTS="$(cli_opts "$v")" ./spikelane run examples/cuba.yaml --set "duration=1 s" -q \
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
  echo "flags=${base[*]} (the launcher's), plus per variant as above; CLI runs with -Xmx2g; default GC"
  echo "jit_opts=$(grep -v '^#' bin/jit.jvmopts | tr '\n' ' ')"
  peer_env_tail "$started" "$finished" "$load_before" "$command_line (REPS=$reps DURATION=$duration)"
} >"$env_file"
peer_report bench/peers/warmup_summary.py "$results" "$env_file" "$out"
