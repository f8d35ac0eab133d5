# Sourced by the peer scripts (run.sh, lif_step.sh, warmup.sh), from the repository root.

# peer_setup MODULES: sets jdk, java, jar_note, work (a private folder, removed on exit) and jar
# (a private copy of bench/target/benchmarks.jar, so other builds in this tree cannot swap it
# mid-run). Builds MODULES (e.g. "bench" or "bench,cli") first when the jar is missing or older
# than any main source, unless NO_BUILD=1.
peer_setup() {
  jdk="$(bin/find-jdk25)"
  java="$jdk/bin/java"
  jar=bench/target/benchmarks.jar
  jar_note="built from the working tree"
  if [ "${NO_BUILD:-0}" = 1 ]; then
    [ -f "$jar" ] || { echo "error: NO_BUILD=1 but $jar does not exist" >&2; exit 2; }
    jar_note="NO_BUILD=1: existing jar of $(date -u -r "$jar" '+%H:%M:%S UTC'), not rebuilt"
  elif [ ! -f "$jar" ] || [ -n "$(find engine/src/main plugins/*/src/main cli/src/main bench/src/main bench/pom.xml \
        -newer "$jar" -type f -print -quit)" ]; then
    echo "building $1 ..." >&2
    ./build -pl "$1" -am package -DskipTests -q
    # the ./spikelane launcher compares its jar's time with the sources; Maven may leave it untouched
    if [ -d cli/target ]; then touch cli/target/spikelane-cli-*.jar 2>/dev/null || true; fi
  fi
  work="$(mktemp -d "${TMPDIR:-/tmp}/spikelane-peers.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  cp "$jar" "$work/benchmarks.jar"
  jar="$work/benchmarks.jar"
}

# peer_report SUMMARY_PY RESULTS ENV OUT: the Markdown report, written to a temp file and renamed.
peer_report() {
  mkdir -p "$(dirname "$4")"
  local tmp
  tmp="$(dirname "$4")/.$(basename "$4").tmp.$$"
  "${python:-python3}" "$1" "$2" "$3" >"$tmp"   # run.sh sets python (the one with Brian2)
  mv "$tmp" "$4"
  echo "wrote $4" >&2
}

# peer_commit: the short commit, marked when engine, plugins, cli or bench have uncommitted changes.
peer_commit() {
  echo "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- engine plugins cli bench 2>/dev/null || echo ' (with uncommitted changes)')"
}

# peer_env_tail STARTED FINISHED LOAD_BEFORE COMMAND: the environment lines every report ends with.
peer_env_tail() {
  echo "kernel=$(uname -sr)"
  echo "commit=$(peer_commit)"
  echo "started=$1"
  echo "finished=$2"
  echo "load_before=$3"
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command=$4"
}
