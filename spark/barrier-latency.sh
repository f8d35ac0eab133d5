#!/usr/bin/env bash
# The barrier figure of docs/scale-out.md: BarrierLatency on local[2] (2 tasks, one JVM), ROUNDS
# calls of barrier() and of allGather() (default 20: a call can take a second), with the load average. The same on a
# standalone cluster of 3 executors: spark/standalone-demo.sh. About 60 s.
# Usage: spark/barrier-latency.sh [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jdk="$("$here/bin/find-jdk25")"
"$here/build" package -pl spark -am -DskipTests -q >/dev/null
echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$here/spark/target/spikelane-spark-0.1.0-SNAPSHOT.jar:$here/spark/target/lib/*" \
  org.spikelane.spark.bench.BarrierLatency "local[2]" 2 "${1:-20}"
