#include "common/sandbox/fatal_signal_reporter.h"

#include <execinfo.h>
#include <signal.h>
#include <unistd.h>

#include "common/sandbox/signal_safe_text.h"

namespace sb::sandbox {
namespace {

// Enough frames for any real crash; a runaway recursion is cut off rather than filling the pipe
// (the browser drains it only after the exit, so a blocked write would hang the dying child).
constexpr int kMaxFrames = 64;

int g_crash_fd = -1;
volatile sig_atomic_t g_reporting = 0;
// Static, so a stack overflow still has a stack to report from; sized well above SIGSTKSZ for
// the unwinder and dladdr().
alignas(16) char g_alternate_stack[128 * 1024];

// strsignal() is not async-signal-safe (it may format into a buffer and consult the locale).
const char* signalName(int signal) {
  switch (signal) {
    case SIGTRAP:
      return "SIGTRAP";
    case SIGILL:
      return "SIGILL";
    case SIGABRT:
      return "SIGABRT";
    case SIGBUS:
      return "SIGBUS";
    case SIGFPE:
      return "SIGFPE";
    case SIGSEGV:
      return "SIGSEGV";
    default:
      return "signal";
  }
}

void writeAll(const char* data, size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(g_crash_fd, data, size);
    if (written <= 0) return;  // EINTR cannot happen here: every other fatal signal is blocked
    data += written;
    size -= static_cast<size_t>(written);
  }
}

void report(int signal) {
  char line[64] = {};
  const char* end = line + sizeof(line) - 1;
  char* at = appendText(line, end, "crash: ");
  at = appendText(at, end, signalName(signal));
  at = appendText(at, end, " (");
  at = appendNumber(at, end, signal);
  at = appendText(at, end, ")\nbacktrace:\n");
  writeAll(line, static_cast<size_t>(at - line));
  void* frames[kMaxFrames];
  const int count = ::backtrace(frames, kMaxFrames);
  // Writes straight to the fd without malloc (unlike backtrace_symbols()).
  ::backtrace_symbols_fd(frames, count, g_crash_fd);
}

void onFatalSignal(int signal, siginfo_t*, void*) {
  // Only the first fatal signal reports: a fault inside report() must not write a second one.
  if (g_crash_fd >= 0 && !g_reporting) {
    g_reporting = 1;
    report(signal);
  }
  // The signal is blocked while we run: the raised one is delivered, with the default action
  // (death, perhaps a core), as soon as the handler returns. A fault, returning, would simply
  // fault again; raising also covers abort() and raise(), which do not.
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

}  // namespace

bool installFatalSignalReporter(int crash_fd) {
  if (crash_fd < 0) return true;
  g_crash_fd = crash_fd;
  void* warm_up[1];
  (void)::backtrace(warm_up, 1);  // loads libgcc_s now, while the file system is still open to us

  stack_t stack{};
  stack.ss_sp = g_alternate_stack;
  stack.ss_size = sizeof(g_alternate_stack);
  if (::sigaltstack(&stack, nullptr) != 0) return false;

  struct sigaction action {};
  action.sa_sigaction = onFatalSignal;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  // With every fatal signal blocked, a fault inside the handler kills at once (the kernel forces
  // the default action) instead of entering the handler again.
  sigemptyset(&action.sa_mask);
  for (int signal : kFatalSignals) sigaddset(&action.sa_mask, signal);
  for (int signal : kFatalSignals) {
    if (::sigaction(signal, &action, nullptr) != 0) return false;
  }
  return true;
}

}  // namespace sb::sandbox
