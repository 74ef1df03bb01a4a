#!/usr/bin/env bash
# The unit and integration suites (every test but the widget ones) under AddressSanitizer +
# UndefinedBehaviorSanitizer, children included. Slower than scripts/test.sh; run it after
# touching anything that parses a child's messages or manages memory by hand. `--preset fuzz` builds with clang in build-fuzz/ instead of gcc in build-asan/ (the
# `asan` preset), so the fuzzers reuse the build: what CI does (scripts/ci-sanitizers.sh). Other
# arguments go to ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=asan
if [ "${1:-}" = --preset ]; then
  preset=${2:?--preset needs asan or fuzz}
  shift 2
fi
case $preset in
  asan) build=build-asan ;;
  fuzz) build=build-fuzz ;;
  *) echo "test-asan.sh: --preset is asan or fuzz, not '$preset'" >&2; exit 2 ;;
esac
"$root/scripts/setup.sh" --packages-only
[ "$preset" = asan ] || "$root/scripts/install-packages.sh" clang
cd "$root"
cmake --preset "$preset" >/dev/null
cmake --build "$build"
cd "$build"
export QT_QPA_PLATFORM=offscreen
# Children die on purpose (kill -9, bad messages, demo://crash): their leaks are not findings, and
# a deliberate SIGSEGV must reach the kernel (the browser reports it) rather than ASan's handler.
# Children inherit these (the launcher passes ASAN_OPTIONS and UBSAN_OPTIONS through).
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:handle_segv=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Serially: under the sanitizers everything is slower, and parallel runs on a small machine would
# trip the browser's unresponsive timer. The widget tests (ui.*) are left to scripts/test.sh.
ctest --output-on-failure -E '^ui\.' "$@"
