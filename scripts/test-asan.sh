#!/usr/bin/env bash
# The untrusted-input tests under AddressSanitizer + UndefinedBehaviorSanitizer (the `asan`
# preset, built in build-asan/): bad IPC messages, hostile renderers and GPU processes, IPC log
# files, crash notes and the fatal-signal reporter, the sandbox. Slower than scripts/test.sh; run
# it after touching anything that parses a child's messages. Extra arguments go to ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" --packages-only
cd "$root"
cmake --preset asan
targets=(policy_integration_tests sandbox_integration_tests browser_core_unit_tests ipc_unit_tests renderer_unit_tests
         sandbox_unit_tests
         sandbrowser-renderer sandbrowser-gpu sandbrowser-plugin sandbrowser-ns-init sb-hostile-renderer
         sb-test-child)
targets+=(gpu_integration_tests sb-fake-gpu)
cmake --build build-asan --target "${targets[@]}"
cd build-asan
export QT_QPA_PLATFORM=offscreen
# Children die on purpose (kill -9, bad messages, demo://crash): their leaks are not findings, and
# a deliberate SIGSEGV must reach the kernel (the browser reports it) rather than ASan's handler.
# Children inherit these (the launcher passes ASAN_OPTIONS and UBSAN_OPTIONS through).
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:handle_segv=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Serially: under the sanitizers everything is several times slower, and parallel runs on a small
# machine would trip the browser's 3 s unresponsive timer.
ctest --output-on-failure \
  -R '^(Browser/|Renderer/EveryBadIpcKind|BadIpc|Sandbox|NormalUse|RendererMessagePolicy|GpuMessagePolicy|PluginMessagePolicy|DisplayListValidator|FrameDecoder|Channel|Gpu|IpcLog|ChildLog|IpcRecordFormat|BacktraceText|CrashReports|FatalSignalReporter)' "$@"
