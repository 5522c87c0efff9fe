#!/usr/bin/env bash
# Builds the test classes and runs Sluice's engine benchmarks (JMH) on a JDK 21+.
#
#   bench/engine.sh                        # everything: EngineBenchmark, ColdRunBenchmark, DeadlineBenchmark
#   bench/engine.sh EngineBenchmark        # a JMH regex picks benchmarks
#   bench/engine.sh Cold -p pipe=P3 -i 20  # further arguments go to JMH as they are
#
# Needs only Maven and a JDK 21+ (the default `java` may be older). The JDK that runs JMH is, as
# for the launcher: $SLUICE_JAVA (a java binary), else $JAVA_HOME, else `java` on the PATH, else
# the newest under /usr/lib/jvm, /opt/java, /usr/java, /Library/Java/JavaVirtualMachines — the
# first one that is 21 or newer. BENCH_SKIP_BUILD=1 skips the Maven build.
# Results in $BENCH_OUT (default target/bench): jmh-output.txt (the full log), jmh-result.json,
# summary.md (median/p99/min/max and allocation per run as a Markdown table).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
required=21

# Feature version of a JDK home from its release file (JAVA_VERSION="25.0.1"), or 0.
feature_version() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release" 2>/dev/null | head -n1)
  v=${v%%[.+-]*}
  [[ $v =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

find_java() {
  if [[ -n ${SLUICE_JAVA:-} ]]; then echo "$SLUICE_JAVA"; return; fi
  local home
  for home in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")"; do
    if [[ -n $home && -x $home/bin/java && $(feature_version "$home") -ge $required ]]; then
      echo "$home/bin/java"; return
    fi
  done
  local best="" best_version=0 v
  for home in /usr/lib/jvm/* /opt/java/* /usr/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    v=$(feature_version "$home")
    if [[ -x $home/bin/java && $v -ge $required && $v -gt $best_version ]]; then
      best="$home/bin/java"; best_version=$v
    fi
  done
  [[ -n $best ]] && echo "$best"
}

java_bin=$(find_java) || true
if [[ -z ${java_bin:-} ]]; then
  echo "No JDK $required+ found: set SLUICE_JAVA (a java binary) or JAVA_HOME." >&2
  exit 1
fi

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  echo "Building test classes and the classpath (mvn) ..." >&2
  mvn -q -B test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi

# The first argument, unless it is a JMH option, is the benchmark regex.
pattern="dev.sluice.bench"
if [[ $# -gt 0 && $1 != -* ]]; then
  pattern=$1
  shift
fi

out=${BENCH_OUT:-target/bench}
mkdir -p "$out"
echo "Running JMH on $("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')" >&2
# -prof gc adds gc.alloc.rate.norm (bytes allocated per run). The forked JVMs inherit the flags
# given here (heap size, where the bench files are).
"$java_bin" -Xmx1g -Dsluice.bench.dir="$root/src/test/resources/bench" \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.openjdk.jmh.Main "$pattern" -prof gc -rf json -rff "$out/jmh-result.json" "$@" \
    2>&1 | tee "$out/jmh-output.txt"

# Median/p99/min/max and allocation per run of every benchmark that completed, as Markdown.
"$java_bin" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.sluice.bench.ResultTable "$out/jmh-result.json" | tee "$out/summary.md"

# JMH carries on past a benchmark that throws (e.g. a run that returned the wrong items); say so.
if grep -q '^<failure>' "$out/jmh-output.txt"; then
  echo "Some benchmarks FAILED: look for <failure> in $out/jmh-output.txt" >&2
  exit 1
fi
