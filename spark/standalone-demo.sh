#!/usr/bin/env bash
# A real Spark cluster on this machine: Spark's standalone master and two workers (2 + 1 cores) on
# localhost, started from the jars in spark/target/lib (no Spark distribution needed), then the
# spark-submit command of docs/scale-out.md on a 20-point f-I sweep (with --spark-spikes), its
# sweep.csv and sweep.png compared byte for byte with a local sweep, then BarrierLatency on the
# cluster's 3 cores. The cluster is stopped on exit, whatever happens.
# Usage: spark/standalone-demo.sh [ROUNDS]   (ROUNDS: barrier calls to time, default 20)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="0.1.0-SNAPSHOT"
export JAVA_HOME="$("$here/bin/find-jdk25")"
java="$JAVA_HOME/bin/java"
work="$(mktemp -d "${TMPDIR:-/tmp}/spikelane-standalone.XXXXXX")"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop EXIT

"$here/build" package -pl spark -am -DskipTests -q >/dev/null
jar="$here/spark/target/spikelane-spark-$version-cluster.jar"

# SPARK_HOME as a Spark distribution lays it out: a RELEASE file and jars/ (Spark and its
# dependencies, not Spikelane's own jars: those travel in the cluster jar). The workers build the
# executors' class path from it, as they do on a real cluster.
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOG_DIR="$work/logs"
mkdir -p "$SPARK_HOME/jars" "$SPARK_LOG_DIR"
touch "$SPARK_HOME/RELEASE"
for j in "$here"/spark/target/lib/*.jar; do
  case "$(basename "$j")" in spikelane-*) ;; *) ln -s "$j" "$SPARK_HOME/jars/" ;; esac
done
# the daemons log at Spark's default level (INFO): the script waits for the workers' "registered" line
daemon=("$java" -Xmx512m -cp "$SPARK_HOME/jars/*")

# what bin/spark-submit does: Spark's launcher prints a NUL, a newline and then the driver's java
# command (NUL-separated), with --driver-java-options applied, and the script runs it
spark_submit() {
  local cmd=() arg
  while IFS= read -r -d '' arg; do arg="${arg#$'\n'}"; [ -n "$arg" ] && cmd+=("$arg"); done < <("$java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main \
    org.apache.spark.deploy.SparkSubmit "$@")
  "${cmd[@]}"
}

echo "== cluster: master spark://localhost:7077, workers of 2 and 1 cores (load $(cut -d' ' -f1-3 /proc/loadavg))"
start=$(date +%s.%N)
"${daemon[@]}" org.apache.spark.deploy.master.Master --host localhost --port 7077 --webui-port 0 >"$work/logs/master.log" 2>&1 &
pids+=($!)
for cores in 2 1; do
  "${daemon[@]}" org.apache.spark.deploy.worker.Worker --cores "$cores" --memory 2g --webui-port 0 --host localhost \
    --work-dir "$work/worker-$cores" spark://localhost:7077 >"$work/logs/worker-$cores.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 240); do
  [ "$(grep -c "Successfully registered with master" "$work"/logs/worker-*.log 2>/dev/null | awk -F: '{s+=$2} END {print s+0}')" -ge 2 ] && break
  sleep 0.5
done
grep -q "Successfully registered with master" "$work/logs/worker-1.log" || { echo "workers did not register:"; tail -n 5 "$work"/logs/*.log; exit 1; }
printf 'cluster up in %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"

sweep=(sweep "$here/examples/fi-curve.yaml" --vary "inputs.0.amplitude=0 nA..10 nA:20" -q)
echo "== the spark-submit command of docs/scale-out.md, 20-point f-I sweep"
cd "$work"
start=$(date +%s.%N)
spark_submit \
  --master spark://localhost:7077 \
  --class org.spikelane.cli.Main \
  --driver-java-options "--add-modules jdk.incubator.vector" \
  --conf "spark.executor.extraJavaOptions=--add-modules jdk.incubator.vector -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED" \
  --conf spark.executor.cores=1 \
  --conf spark.task.maxFailures=4 \
  "$jar" \
  "${sweep[@]}" --spark submit --spark-spikes --out "$work/cluster"
printf 'spark-submit took %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
grep -E '"(spark_master|spark_session_start_s|spark_job_s|wall_time_s)"' "$work/cluster/summary.json" | tr -d ' \n'; echo
executors=$(ls -d "$work"/worker-*/app-*/* 2>/dev/null | wc -l)
echo "executors started by the workers: $executors"

"$here/spikelane" "${sweep[@]}" --jobs 2 --out "$work/local" >/dev/null
for f in sweep.csv sweep.png; do
  if cmp "$work/local/$f" "$work/cluster/$f"; then echo "$f: identical to the local sweep"; else echo "$f: DIFFERS"; exit 1; fi
done
echo "spikes.parquet: $(find "$work/cluster/spikes.parquet" -name '*.parquet' -type f | wc -l) run files in $(ls "$work/cluster/spikes.parquet" | wc -l) point folders"

echo "== barrier latency on the cluster (3 tasks on 3 executor cores)"
spark_submit --master spark://localhost:7077 --class org.spikelane.spark.bench.BarrierLatency \
  --conf spark.executor.cores=1 "$jar" submit 3 "${1:-20}"
