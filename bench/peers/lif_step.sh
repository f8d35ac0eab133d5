#!/usr/bin/env bash
# Spikelane's float32 LIF step against a hand-written C kernel doing the same work on the same
# layout (issue 10, "the LIF step within 1.25x of C"): bench/peers/lif_step.c (gcc -O3
# -march=native, AVX-512 intrinsics) and JMH's LifStepBenchmark.step plus StreamYardstickBenchmark,
# in one invocation on one machine, interleaved per N as C, JMH, Java in CPU time (LifStepCpu), C.
# C and LifStepCpu also give thread CPU time per round, the figure a loaded machine disturbs less.
# Writes jmh-results/lif-step-peer.md (see bench/peers/README.md).
#
# Usage: bench/peers/lif_step.sh        (from anywhere; runs from the repository root)
# Knobs (environment): SIZES="1000 64000 1000000"  FIRING="0.1%" (or 5%)  FORKS=3
#                      C_ROUNDS=5  C_SECONDS=0.4 (per round)  OUT=jmh-results/lif-step-peer.md
#                      NO_BUILD=1 (use bench/target/benchmarks.jar as it is)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
command_line="bench/peers/lif_step.sh $*"

sizes=(${SIZES:-1000 64000 1000000})
firing="${FIRING:-0.1%}"
forks="${FORKS:-3}"
c_rounds="${C_ROUNDS:-5}"
c_seconds="${C_SECONDS:-0.4}"
out="${OUT:-jmh-results/lif-step-peer.md}"
cflags="-O3 -march=native"

command -v gcc >/dev/null 2>&1 || { echo "error: gcc not found (sudo apt-get install gcc)" >&2; exit 2; }
grep -qw avx512f /proc/cpuinfo || { echo "error: this CPU has no AVX-512 (avx512f); lif_step.c is written for it" >&2; exit 2; }

# shellcheck source=common.sh
. bench/peers/common.sh
peer_setup bench
gcc $cflags -o "$work/lif_step" bench/peers/lif_step.c -lm
results="$work/results.jsonl"
: >"$results"

run_c() {
  "$work/lif_step" --firing "$firing" --rounds "$c_rounds" --seconds "$c_seconds" "$1" >>"$results"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
for n in "${sizes[@]}"; do
  echo "== N = $n: C" >&2
  run_c "$n"
  echo "== N = $n: JMH" >&2
  "$java" -jar "$jar" 'LifStepBenchmark.step$|StreamYardstickBenchmark' -p n="$n" -p precision=float32 \
    -p kernel=vector -p firing="$firing" -f "$forks" -rf json -rff "$work/jmh-$n.json" >"$work/jmh-$n.log" 2>&1 \
    || { tail -20 "$work/jmh-$n.log" >&2; exit 1; }
  # the firing level JMH's trials reached, printed by LifStepBenchmark at teardown
  grep -o '\[firing\] n=[0-9]* .*' "$work/jmh-$n.log" | sed 's/^/# /' >>"$results" || true
  python3 - "$work/jmh-$n.json" >>"$results" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    m = r['primaryMetric']
    print(json.dumps({'peer': 'jmh', 'benchmark': r['benchmark'].rsplit('.', 2)[-2] + '.' + r['benchmark'].rsplit('.', 1)[-1],
                      'params': r.get('params', {}), 'score': m['score'], 'error': m['scoreError'], 'unit': m['scoreUnit'],
                      'forks': r['forks'], 'iterations': r['measurementIterations'], 'jvm_args': r['jvmArgs'],
                      'raw': m['rawData']}))
PY
  echo "== N = $n: Java in CPU time" >&2
  "$java" --add-modules jdk.incubator.vector -cp "$jar" org.spikelane.bench.LifStepCpu --firing "$firing" \
    --rounds "$c_rounds" --seconds "$c_seconds" "$n" 2> >(grep -v WARNING >&2) >>"$results"
  echo "== N = $n: C again" >&2
  run_c "$n"
done
finished="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"

env_file="$work/env.txt"
{
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1) (family $(sed -n 's/^cpu family[[:space:]]*: //p' /proc/cpuinfo | head -1), model $(sed -n 's/^model[[:space:]]*: //p' /proc/cpuinfo | head -1))"
  echo "simd=$(grep -o 'avx512[a-z_0-9]*\|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')"
  echo "caches=$(lscpu 2>/dev/null | sed -n 's/^\(L[123][di]* cache\):[[:space:]]*/\1 /p' | tr '\n' ';')"
  echo "cores=$(nproc)"
  echo "jdk=$("$java" -version 2>&1 | head -1) ($jdk)"
  echo 'public class Species { public static void main(String[] a) { System.out.println(org.spikelane.simd.Simd.describe()); } }' >"$work/Species.java"
  echo "species=$("$java" --add-modules jdk.incubator.vector -cp "$jar" "$work/Species.java" 2>/dev/null || echo '?')"
  echo "jar=$jar_note"
  echo "gcc=$(gcc --version | head -1)"
  echo "cflags=$cflags"
  peer_env_tail "$started" "$finished" "$load_before" "$command_line (SIZES=\"${sizes[*]}\" FIRING=$firing FORKS=$forks C_ROUNDS=$c_rounds C_SECONDS=$c_seconds)"
} >"$env_file"

peer_report bench/peers/lif_step_summary.py "$results" "$env_file" "$out"
