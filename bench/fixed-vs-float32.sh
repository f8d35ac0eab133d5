#!/usr/bin/env bash
# Issue 10's "fixed point no slower than float32" (jmh-results/fixed-vs-float32.md) in about 3
# minutes: three JMH runs through bench/run (JSON and environment filed under jmh-results/) with
# the precision axis, so fixed and float32 share each run, then their ratios, then the same pairs
# in thread CPU time (FixedVsFloatProbe, meaningful on a loaded machine):
#
#   bench/fixed-vs-float32.sh [JMH args...]      defaults: 1 fork, 2 warm-up and 3 measured iterations of 1 s
#
# - DeliveryBenchmark: synaptic events per second, 4000 targets (in cache) and 1M (out of cache);
# - LifStepBenchmark: the vector kernels at 1k, 64k and 1M neurons, 0.1 % firing;
# - NetworkBenchmark: CUBA and COBA at 4000 neurons, one thread.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-f 1 -wi 2 -i 3 -w 1 -r 1)
before="$(ls jmh-results/*.json 2>/dev/null | sort)"
BENCH_LABEL=fixed-vs-float32-delivery bench/run DeliveryBenchmark "${args[@]}"
BENCH_LABEL=fixed-vs-float32-lif-step bench/run --no-build LifStepBenchmark -p n=1000,64000,1000000 -p kernel=vector -p firing=0.1% "${args[@]}"
BENCH_LABEL=fixed-vs-float32-network bench/run --no-build NetworkBenchmark -p n=4000 "${args[@]}"
new="$(comm -13 <(echo "$before") <(ls jmh-results/*.json | sort) | grep -v '\.env\.json$')"
# shellcheck disable=SC2086
python3 bench/fixed-vs-float32.py $new
java="$(bin/find-jdk25)/bin/java"
"$java" --add-modules jdk.incubator.vector -Xmx5g -XX:+UseParallelGC -Dspikelane.threads.adaptive=false \
  -cp bench/target/benchmarks.jar org.spikelane.bench.FixedVsFloatProbe 2>&1 | grep -v 'incubator modules'
