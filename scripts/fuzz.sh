#!/usr/bin/env bash
# Fuzzes the pipe-JSON codec/validator and the feed parser with Jazzer.
#   scripts/fuzz.sh            30 s per target (what CI runs)
#   scripts/fuzz.sh 10m        longer runs, e.g. before a release
# Inputs that crash are written beside the test's corpus
# (src/test/resources/dev/sluice/<pkg>/<Test>Inputs/<method>/) and then replay in every `mvn test`.
# The corpus Jazzer grows while fuzzing stays in .cifuzz-corpus/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30s}
for target in dev.sluice.pipe.PipeCodecFuzzTest dev.sluice.feed.FeedParserFuzzTest; do
  echo "== fuzzing ${target##*.} for $duration"
  log=target/fuzz-${target##*.}.log
  mkdir -p target
  if ! JAZZER_FUZZ=1 mvn -q -B test -Dtest="$target" -Djazzer.max_duration="$duration" >"$log" 2>&1; then
    grep -E "FuzzTestFinding|Tests run:.*Fail" "$log" || tail -20 "$log"
    echo "fuzzing ${target##*.} found a problem (full log: $log)"; exit 1
  fi
  grep -E "Done [0-9]+ runs" "$log" || true
done
echo "fuzzing: no findings"
