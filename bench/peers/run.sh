#!/usr/bin/env bash
# Brian2 cpp_standalone vs Spikelane on the CUBA network (issue 6, "Peer comparison"): both
# simulators, N = 4000 and 40000, 1 s simulated, one thread each, in one invocation on one machine.
# Writes jmh-results/peers.md (see bench/peers/README.md).
#
# Usage: bench/peers/run.sh            (from anywhere; runs from the repository root)
# Knobs (environment): SEEDS="1 2 3"  SIZES="4000 40000"  BRIAN2_REPEATS=3  SPIKELANE_REPS=7
#                      SPIKELANE_WARMUP=10 (simulated seconds)  BRIAN2_PYTHON=/usr/bin/python3
#                      OUT=jmh-results/peers.md
#                      NO_BUILD=1 (use bench/target/benchmarks.jar as it is, even if older than the sources)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
command_line="bench/peers/run.sh $*"

seeds=(${SEEDS:-1 2 3})
sizes=(${SIZES:-4000 40000})
brian_repeats="${BRIAN2_REPEATS:-3}"
spikelane_reps="${SPIKELANE_REPS:-7}"
spikelane_warmup="${SPIKELANE_WARMUP:-10}"
python="${BRIAN2_PYTHON:-/usr/bin/python3}"
out="${OUT:-jmh-results/peers.md}"

# Brian2 first: the script installs nothing, it says how.
if ! "$python" -c 'import brian2' >/dev/null 2>&1; then
  echo "error: Brian2 is not importable by $python." >&2
  echo "  Debian/Ubuntu: sudo apt-get install python3-brian   (then it runs under /usr/bin/python3)" >&2
  echo "  or point BRIAN2_PYTHON at a Python that has brian2 (pip install brian2) and a C++ compiler" >&2
  exit 2
fi
if ! command -v g++ >/dev/null 2>&1; then
  echo "error: g++ not found; Brian2's cpp_standalone mode needs it (sudo apt-get install g++)" >&2
  exit 2
fi

# shellcheck source=common.sh
. bench/peers/common.sh
peer_setup bench
results="$work/results.jsonl"
: >"$results"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
# Same seed, same N: Brian2 then Spikelane back to back, so machine noise hits both alike.
# One JVM per N: its cold figure is then the first run of a fresh JVM.
for seed in "${seeds[@]}"; do
  for n in "${sizes[@]}"; do
    echo "== seed $seed, N = $n" >&2
    "$python" -W ignore bench/peers/cuba_brian2.py --seed "$seed" --repeats "$brian_repeats" "$n" >>"$results"
    "$java" --add-modules jdk.incubator.vector -XX:+UseSerialGC -cp "$jar" \
      org.spikelane.bench.peers.CubaPeer --seed "$seed" --reps "$spikelane_reps" --warmup "$spikelane_warmup" "$n" \
      2> >(grep -v WARNING >&2) >>"$results"
  done
done
finished="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"

env_file="$work/env.txt"
{
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "cores=$(nproc)"
  echo "jdk=$("$java" -version 2>&1 | head -1)"
  echo "jar=$jar_note"
  echo "java_flags=--add-modules jdk.incubator.vector -XX:+UseSerialGC"
  echo "brian2=$("$python" -W ignore -c 'import brian2; print(brian2.__version__)' 2>/dev/null)"
  echo "python=$("$python" --version 2>&1)"
  echo "gxx=$(g++ --version | head -1)"
  peer_env_tail "$started" "$finished" "$load_before" "$command_line (SEEDS=\"${seeds[*]}\" SIZES=\"${sizes[*]}\" BRIAN2_REPEATS=$brian_repeats SPIKELANE_REPS=$spikelane_reps SPIKELANE_WARMUP=$spikelane_warmup)"
} >"$env_file"

peer_report bench/peers/summarize.py "$results" "$env_file" "$out"
