#pragma once

namespace sb::sandbox {

// The SIGSYS handler behind SECCOMP_RET_TRAP. It writes "sandbox: syscall N (name)" to crash_fd
// (when crash_fd >= 0), restores the default action and re-raises, so the process dies of SIGSYS
// and the browser, which drains the crash pipe, can say which call it was. Install it before the
// filter; false (errno set) when sigaction fails.
bool installSigsysReporter(int crash_fd);

}  // namespace sb::sandbox
