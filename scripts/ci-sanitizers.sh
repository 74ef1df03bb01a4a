#!/usr/bin/env bash
# What CI runs after the suite (scripts/test.sh with CI=true): the unit and integration suites
# under ASan + UBSan, then every fuzz target for a short while on the checked-in corpus, all in one
# clang build (build-fuzz/, the `fuzz` preset). Usage: scripts/ci-sanitizers.sh [SECONDS per target, 20]
set -euo pipefail
seconds=${1:-20}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/test-asan.sh" --preset fuzz
mkdir -p "$root/build-fuzz/logs"
for target in $(ls "$root/tests/fuzz/corpus"); do
  log=$root/build-fuzz/logs/fuzz-$target.log
  echo "== fuzzing $target for $seconds s (log: build-fuzz/logs/fuzz-$target.log)"
  if ! "$root/scripts/fuzz.sh" "$target" "$seconds" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz target $target failed: the input is in build-fuzz/findings/" >&2
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::new_units_added)" "$log" || true
done
