#!/usr/bin/env bash
# Braille speed for docs/nir.md ("Speed"), to run on a quiet machine: the paper/03_rnn braille
# graph over 1000 random 256-step samples (spike probability 0.3, seed 7, written by
# bench/peers/nir_braille_numpy.py, which also prints its batched numpy figure), samples/s with 1
# and 2 threads under float32, fixed and loihi (best of ROUNDS rounds in one JVM; 1-thread rows
# add the thread's CPU time), then the PyTorch peer nir/peers/braille_torch.py if torch is
# installed. About a minute after the build on a quiet machine (at most 2 more with the peer).
#   nir/speed.sh                 build the nir module and its tests, then measure
#   NO_BUILD=1 nir/speed.sh      measure what target/ holds
#   ROUNDS=6 PRECISIONS=fixed SCALAR=1 nir/speed.sh   other rounds, precisions, or the scalar kernels only
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jdk="$(bin/find-jdk25)"
work="$(mktemp -d "${TMPDIR:-/tmp}/spikelane-nir-speed.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [ "${NO_BUILD:-0}" != 1 ]; then
  echo "building nir and its tests ..." >&2
  ./build -pl nir -am test-compile -q
fi
# third-party jars from Maven's resolution; the project's own classes from this tree's target/
./build -pl nir dependency:build-classpath -Dmdep.includeScope=test -Dmdep.excludeGroupIds=org.spikelane \
  -Dmdep.outputFile="$work/cp.txt" -q >/dev/null
cp="nir/target/test-classes:nir/target/classes:engine/target/classes:$(cat "$work/cp.txt")"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; commit $(git rev-parse --short HEAD)"
python3 bench/peers/nir_braille_numpy.py --write-input "$work/input.npy"
opts=()
[ "${SCALAR:-0}" = 1 ] && opts+=(-Dspikelane.vector=scalar)
"$jdk/bin/java" --add-modules jdk.incubator.vector "${opts[@]}" -cp "$cp" org.spikelane.nir.BrailleSpeed \
  nir/src/test/resources/nir/braille_noDelay_bias_zero.nir "$work/input.npy" "${ROUNDS:-4}" "${PRECISIONS:-float32,fixed,loihi}" \
  2> >(grep -v -x 'WARNING: Using incubator modules: jdk.incubator.vector' >&2)
# PyTorch peer, where Debian's python3-torch is installed for the system Python (Norse and snnTorch
# cannot be installed here: docs/nir.md); stopped after TORCH_SECONDS, as threads that fight a
# busy machine can take minutes per round
if /usr/bin/python3 -c "import torch" 2>/dev/null; then
  timeout "${TORCH_SECONDS:-120}" /usr/bin/python3 nir/peers/braille_torch.py "$work/input.npy" \
    || echo "torch peer: stopped after ${TORCH_SECONDS:-120} s"
else
  echo "torch peer: skipped (apt-get install python3-torch for /usr/bin/python3 to add it)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
