#!/usr/bin/env bash
# The measurement of docs/scale-out.md: two 200-point f-I sweeps (examples/fi-curve.yaml, 0-10 nA)
# on Spark local[1] and local[2], alternated, ROUNDS times (default 1), with the load average
# before each run:
#   small: the example as it is, 500 ms (5,000 steps) per point, about 15 ms of work per run;
#   large: --set duration=5 s --set populations.0.size=2000 (2,000 identical neurons for 50,000
#          steps per point: the same f-I curve, about 10^8 neuron-steps, ~100 ms or more per run).
# Prints from each summary.json the sweep's wall time, the Spark session's start, the job's time
# (tasks and collection), the time and CPU time inside the tasks (summed over tasks) and the CPU
# time of the whole JVM during the job (executor threads, JIT compiler and GC threads), and the
# ratio local[1] / local[2] of the job times. One round takes about 2 minutes on 2 idle cores.
# Usage: spark/speedup.sh [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/spikelane-speedup.XXXXXX")"
trap 'rm -rf "$out"' EXIT
sweep=(sweep "$here/examples/fi-curve.yaml" --vary "inputs.0.amplitude=0 nA..10 nA:200" -q)
# the first start builds the spark module; its time is not measured
"$here/spikelane" sweep "$here/examples/fi-curve.yaml" --vary "inputs.0.amplitude=0 nA..10 nA:2" --spark "local[1]" -q \
  --out "$out/warm" >/dev/null 2>&1
job() { grep -o '"spark_job_s" *: *[0-9.]*' "$out/run/summary.json" | grep -o '[0-9.]*$'; }
for round in $(seq "${1:-1}"); do
  for size in small large; do
    extra=()
    [ "$size" = large ] && extra=(--set "duration=5 s" --set "populations.0.size=2000")
    times=()
    for master in "local[1]" "local[2]"; do
      load="$(cut -d' ' -f1 /proc/loadavg)"
      "$here/spikelane" "${sweep[@]}" "${extra[@]}" --spark "$master" --out "$out/run" >/dev/null 2>&1
      figures="$(grep -E '"(wall_time_s|spark_session_start_s|spark_job_s|spark_tasks_run_s|spark_tasks_cpu_s|spark_job_process_cpu_s)"' \
        "$out/run/summary.json" | tr -d ' \n')"
      echo "round $round $size $master load $load $figures"
      times+=("$(job)")
    done
    echo "round $round $size job time local[1] / local[2] = $(echo "scale=2; ${times[0]} / ${times[1]}" | bc)"
  done
done
