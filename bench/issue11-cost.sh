#!/usr/bin/env bash
# The price of issue 11's safety (jmh-results/issue11-cost.md), in one JMH run of about 2 minutes:
#
#   bench/issue11-cost.sh [JMH args...]      defaults: 1 fork, 2 warm-up and 3 measured iterations of 1 s
#
# FixedInputAddBenchmark (saturating, counting fixed-point input addition against the plain
# wrapping add it replaced), FixedInputStepBenchmark (the whole fixed LIF step with 0 and 4 bias
# inputs), HookTryCatchBenchmark (the hook loop with and without its try/catch) and
# HookStepBenchmark (a float32 step with nothing, a hook or a listener). Files the JSON and its
# environment (JDK, CPU, flags, load before and after) under jmh-results/ through bench/run, then
# prints the ratios.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-f 1 -wi 2 -i 3 -w 1 -r 1)
before="$(ls jmh-results/*.json 2>/dev/null | sort)"
BENCH_LABEL="${BENCH_LABEL:-issue11-cost}" bench/run 'FixedInputAddBenchmark|FixedInputStepBenchmark|HookTryCatchBenchmark|HookStepBenchmark' "${args[@]}"
json="$(comm -13 <(echo "$before") <(ls jmh-results/*.json | sort) | grep -v '\.env\.json$' | tail -1)"
python3 bench/issue11-ratios.py "$json"
# the same pairs in thread CPU time, alternating in one JVM (meaningful even on a loaded machine)
java="$(bin/find-jdk25)/bin/java"
"$java" --add-modules jdk.incubator.vector -XX:+UseParallelGC -Dspikelane.threads.adaptive=false \
  -cp bench/target/benchmarks.jar org.spikelane.bench.SafetyCostProbe 2>&1 | grep -v 'incubator modules'
