// Escape attempts on processes: starting programs, multiplying, and reaching into the browser.
#include <fcntl.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "apps/renderer/process/sandbox_probes/browser_process.h"
#include "apps/renderer/process/sandbox_probes/forked_attempt.h"
#include "apps/renderer/process/sandbox_probes/probe_functions.h"
#include "apps/renderer/sandbox_probes/probe_report.h"
#include "common/base/unique_fd.h"

namespace sb::renderer::probes {
namespace {

int execTrueInChild(const void*) {
  char program[] = "/bin/true";
  char* const argv[] = {program, nullptr};
  char* const envp[] = {nullptr};
  ::execve(program, argv, envp);
  return errno;  // only reached when execve failed
}

// An argv the kernel cannot read: execve gets past its permission checks (seccomp, Landlock,
// the file's mode) and then fails with EFAULT while counting the arguments, long before the
// point of no return. So this probes execve in the renderer itself without ever replacing it.
int execveWithUnreadableArgv() {
  auto* const unreadable = reinterpret_cast<char* const*>(alignof(char*));  // inside page 0
  if (::syscall(SYS_execve, "/bin/true", unreadable, unreadable) == 0) return 0;
  return errno;
}

// Detaches right away. A seized tracee that is running cannot be detached, so it is interrupted
// and waited for first; left attached, the browser would stop at its next signal.
void detachNow(pid_t pid) {
  if (::ptrace(PTRACE_DETACH, pid, nullptr, nullptr) == 0) return;
  ::ptrace(PTRACE_INTERRUPT, pid, nullptr, nullptr);
  int status = 0;
  ::waitpid(pid, &status, __WALL);
  ::ptrace(PTRACE_DETACH, pid, nullptr, nullptr);
}

int seizeAndDetach(const void* context) {
  const pid_t pid = *static_cast<const pid_t*>(context);
  if (::ptrace(PTRACE_SEIZE, pid, nullptr, nullptr) != 0) return errno;
  detachNow(pid);
  return 0;  // the child exits now, which detaches whatever is still attached
}

}  // namespace

ProbeOutcome execTrue() {
  const ForkedAttempt attempt = runInForkedChild(execTrueInChild, nullptr);
  if (attempt.forked()) {
    if (attempt.signal) return ProbeOutcome::denied(0, describeChildSignal(attempt.signal));
    if (attempt.child_error) return ProbeOutcome::denied(attempt.child_error, "in a forked child");
    return ProbeOutcome::allowed("/bin/true ran in a forked child and exited 0");
  }
  // No child to exec in: probe execve in the renderer with arguments it cannot complete.
  const std::string fork_failed = "fork: " + errnoName(attempt.fork_error);
  const int error = execveWithUnreadableArgv();
  if (error == EFAULT) {
    return ProbeOutcome::allowed(
        fork_failed + "; execve itself ran (stopped by a bad argv on purpose)", error);
  }
  return ProbeOutcome::denied(error, fork_failed + ", so execve was tried directly");
}

ProbeOutcome forkChild() {
  const pid_t child = ::fork();
  if (child < 0) return ProbeOutcome::denied(errno);
  if (child == 0) ::_exit(0);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return ProbeOutcome::allowed("child pid " + std::to_string(child) +
                               " exited at once and was reaped");
}

ProbeOutcome signalBrowser() {
  const BrowserLookup browser = findBrowser();
  if (!browser.pid) return browser.why_not;
  const pid_t pid = *browser.pid;
  // Signal 0: the kernel checks permission and delivers nothing.
  if (::kill(pid, 0) != 0) return ProbeOutcome::denied(errno);
  return ProbeOutcome::allowed("the browser (pid " + std::to_string(pid) + ") may be signalled");
}

ProbeOutcome ptraceBrowser() {
  const BrowserLookup browser = findBrowser();
  if (!browser.pid) return browser.why_not;
  const pid_t pid = *browser.pid;
  const ForkedAttempt attempt = runInForkedChild(seizeAndDetach, &pid);
  int error = attempt.child_error;
  std::string where = "from a forked child";
  if (!attempt.forked()) {
    error = seizeAndDetach(&pid);
    where = "fork: " + errnoName(attempt.fork_error) + ", so tried directly";
  } else if (attempt.signal) {
    return ProbeOutcome::denied(0, describeChildSignal(attempt.signal));
  }
  if (error) return ProbeOutcome::denied(error, where);
  return ProbeOutcome::allowed("attached to pid " + std::to_string(pid) +
                               " and detached at once, " + where);
}

ProbeOutcome readBrowserMemory() {
  const BrowserLookup browser = findBrowser();
  if (!browser.pid) return browser.why_not;
  const pid_t pid = *browser.pid;
  const FirstMapping mapping = firstMappedAddress(pid);
  const std::string proc = "/proc/" + std::to_string(pid);
  if (mapping.error) return ProbeOutcome::denied(mapping.error, "reading " + proc + "/maps");
  UniqueFd fd(::open((proc + "/mem").c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) return ProbeOutcome::denied(errno, "opening " + proc + "/mem");
  unsigned char byte = 0;
  const ssize_t got = ::pread(fd.get(), &byte, 1, static_cast<off_t>(mapping.address));
  if (got != 1) return ProbeOutcome::denied(got < 0 ? errno : EIO, "reading " + proc + "/mem");
  char text[64];
  std::snprintf(text, sizeof(text), "read byte 0x%02x at 0x%llx", byte,
                static_cast<unsigned long long>(mapping.address));
  return ProbeOutcome::allowed(text);
}

}  // namespace sb::renderer::probes
