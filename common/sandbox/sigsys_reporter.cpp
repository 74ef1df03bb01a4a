#include "common/sandbox/sigsys_reporter.h"

#include <signal.h>
#include <unistd.h>

#include <cstring>

#include "common/sandbox/syscall_sets.h"

namespace sb::sandbox {
namespace {

// SYS_SECCOMP from <asm-generic/siginfo.h>, which cannot be included next to glibc's <signal.h>.
constexpr int kSeccompSigsys = 1;

int g_crash_fd = -1;

// Appends text at `at`, never past `end`; async-signal-safe (no allocation, no locale).
char* append(char* at, const char* end, const char* text) {
  while (*text && at < end) *at++ = *text++;
  return at;
}

char* appendNumber(char* at, const char* end, long value) {
  char digits[24];
  int n = 0;
  unsigned long rest =
      value < 0 ? 0ul - static_cast<unsigned long>(value) : static_cast<unsigned long>(value);
  do {
    digits[n++] = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest && n < static_cast<int>(sizeof(digits)));
  if (value < 0 && at < end) *at++ = '-';
  while (n > 0 && at < end) *at++ = digits[--n];
  return at;
}

void onSigsys(int, siginfo_t* info, void*) {
  if (g_crash_fd >= 0 && info->si_code == kSeccompSigsys) {
    char line[128] = {};  // zeroed: GCC at -O0 with sanitizers warns it may be read uninitialised
    const char* end = line + sizeof(line) - 1;
    char* at = append(line, end, "sandbox: syscall ");
    at = appendNumber(at, end, info->si_syscall);
    if (const char* name = trappedSyscallName(info->si_syscall)) {
      at = append(at, end, " (");
      at = append(at, end, name);
      at = append(at, end, ")");
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
