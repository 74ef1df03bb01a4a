#!/usr/bin/env bash
# Fuzzes one target for a while: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
# TARGET: frames, child_messages, url, ipc_log_line or control (tests/fuzz/*_fuzz.cpp). Builds the
# `fuzz` preset (clang, libFuzzer, ASan + UBSan) in build-fuzz/, starts from the checked-in corpus
# (tests/fuzz/corpus/TARGET) and keeps what it learns in build-fuzz/corpus/TARGET. A crash is
# written to build-fuzz/findings/; copy it into tests/fuzz/corpus/TARGET/ once fixed, where the
# ordinary suite replays it (fuzz.replay.TARGET). See docs/reliability.md.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seeds=$root/tests/fuzz/corpus/$target
if [ ! -d "$seeds" ]; then
  echo "fuzz.sh: no target '$target'; the targets are: $(ls "$root/tests/fuzz/corpus" | tr '\n' ' ')" >&2
  exit 2
fi
case $seconds in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2;; esac

"$root/scripts/setup.sh" --packages-only
"$root/scripts/install-packages.sh" clang
cd "$root"
cmake --preset fuzz >/dev/null
cmake --build build-fuzz --target "fuzz_$target"
work=build-fuzz/corpus/$target
mkdir -p "$work" build-fuzz/findings
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_leaks=1
# -max_len: a frame or request well past the interesting sizes; -rss_limit_mb: the decoder must
# never buffer more than its frame limit, so a blow-up is a finding.
exec "build-fuzz/bin/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
  -artifact_prefix=build-fuzz/findings/"$target"- -print_final_stats=1 "$@" "$work" "$seeds"
