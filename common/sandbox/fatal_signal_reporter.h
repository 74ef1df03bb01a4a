#pragma once

#include <signal.h>

namespace sb::sandbox {

// The signals that mean the program itself went wrong, as opposed to being stopped from outside.
inline constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};

// A handler for kFatalSignals that writes, to crash_fd,
//
//   crash: SIGSEGV (11)
//   backtrace:
//   <one backtrace_symbols_fd() line per frame>
//
// then restores the default action and re-raises, so the process still dies of the original
// signal (the browser reads the exit status for the reason and the note for the details). It runs
// on its own alternate stack, so a stack overflow is reported too, and uses async-signal-safe
// calls only, all of which the seccomp allowlist permits. Install it before the sandbox engages:
// installing calls backtrace() once, because its first call loads libgcc_s, which Landlock would
// refuse later. Does nothing when crash_fd < 0; false (errno set) when a system call fails.
bool installFatalSignalReporter(int crash_fd);

}  // namespace sb::sandbox
