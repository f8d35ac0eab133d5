#!/usr/bin/env bash
# The measurement of docs/scale-out.md: the 200-point f-I sweep on Spark local[1] and local[2],
# alternated, ROUNDS times (default 2), with the load average before each run. Prints the sweep's
# wall time, the time to start the Spark session and the job's time (tasks and collection) from
# each summary.json. Usage: spark/speedup.sh [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/spikelane-speedup.XXXXXX")"
trap 'rm -rf "$out"' EXIT
sweep=(sweep "$here/examples/fi-curve.yaml" --vary "inputs.0.amplitude=0 nA..10 nA:200" -q)
# the first start builds the spark module; its time is not measured
"$here/spikelane" sweep "$here/examples/fi-curve.yaml" --vary "inputs.0.amplitude=0 nA..10 nA:2" --spark "local[1]" -q \
  --out "$out/warm" >/dev/null 2>&1
for round in $(seq "${1:-2}"); do
  for master in "local[1]" "local[2]"; do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    "$here/spikelane" "${sweep[@]}" --spark "$master" --out "$out/run" >/dev/null 2>&1
    figures="$(grep -E '"(wall_time_s|spark_session_start_s|spark_job_s)"' "$out/run/summary.json" | tr -d ' \n')"
    echo "round $round $master load $load $figures"
  done
done
