#include "common/sandbox/sigsys_reporter.h"

#include <signal.h>
#include <unistd.h>

#include <cstring>

#include "common/sandbox/signal_safe_text.h"
#include "common/sandbox/syscall_sets.h"

namespace sb::sandbox {
namespace {

// SYS_SECCOMP from <asm-generic/siginfo.h>, which cannot be included next to glibc's <signal.h>.
constexpr int kSeccompSigsys = 1;

int g_crash_fd = -1;

void onSigsys(int, siginfo_t* info, void*) {
  if (g_crash_fd >= 0 && info->si_code == kSeccompSigsys) {
    char line[128] = {};  // zeroed: GCC at -O0 with sanitizers warns it may be read uninitialised
    const char* end = line + sizeof(line) - 1;
    char* at = appendText(line, end, "sandbox: syscall ");
    at = appendNumber(at, end, info->si_syscall);
    if (const char* name = trappedSyscallName(info->si_syscall)) {
      at = appendText(at, end, " (");
      at = appendText(at, end, name);
      at = appendText(at, end, ")");
    }
    *at++ = '\n';
    (void)!::write(g_crash_fd, line, static_cast<size_t>(at - line));
  }
  // SIGSYS is blocked while we run: the raised one is delivered, with the default action (core,
  // that is death), as soon as this handler returns.
  ::signal(SIGSYS, SIG_DFL);
  ::raise(SIGSYS);
}

}  // namespace

bool installSigsysReporter(int crash_fd) {
  g_crash_fd = crash_fd;
  struct sigaction action {};
  action.sa_sigaction = onSigsys;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  return ::sigaction(SIGSYS, &action, nullptr) == 0;
}

}  // namespace sb::sandbox
