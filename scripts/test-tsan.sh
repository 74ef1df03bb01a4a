#!/usr/bin/env bash
# The browser's threads under ThreadSanitizer (the `tsan` preset, built in build-tsan/): renderer
# threads of the single-process model beside the browser's own, and the GPU process's frames in
# shared memory. Slower than scripts/test.sh; run it after touching anything a second thread
# sees. Extra arguments go to ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" --packages-only
cd "$root"
cmake --preset tsan
cmake --build build-tsan --target browser_integration_tests gpu_integration_tests sandbrowser-renderer \
  sandbrowser-gpu sandbrowser-plugin sandbrowser-ns-init
cd build-tsan
export QT_QPA_PLATFORM=offscreen
# halt_on_error: a race fails its test; second_deadlock_stack: both stacks of a lock-order report.
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
ctest --output-on-failure -R '^(SingleProcess|Gpu|Browser\.)' "$@"
