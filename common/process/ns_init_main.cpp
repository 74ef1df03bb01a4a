// sandbrowser-ns-init: pid 1 of a child's pid namespace, started by the launcher as
//
//   sandbrowser-ns-init -- PROGRAM ARGS...
//
// with the exec-error pipe on fd 5 and the report socket on fd 6 (spawn_protocol.h).
//
// Why it exists: the kernel drops every signal that pid 1 of a namespace has no handler for when
// it is sent from inside the namespace, its own raise() included. A program running as pid 1
// could not abort() (glibc would fall back to a SIGSEGV) nor die of the SIGSYS its sandbox
// re-raises. So the program runs as pid 2, and this process only starts it, forwards signals,
// reaps, and reports how the program ended: it cannot die of that signal itself (only SIGKILL
// from outside and real faults get through to pid 1), so the browser, which reaps this process,
// reads the program's real status from the report socket.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/process/spawn_protocol.h"

using sb::process::InitReport;
using sb::process::kInitErrorFd;
using sb::process::kInitReportFd;
using sb::process::SpawnError;
using sb::process::SpawnStage;

namespace {

volatile sig_atomic_t g_program = 0;

bool isFault(int signal) {
  return signal == SIGSEGV || signal == SIGBUS || signal == SIGILL || signal == SIGFPE ||
         signal == SIGTRAP || signal == SIGSYS;
}

bool forwarded(int signal) { return signal != SIGKILL && signal != SIGSTOP && signal != SIGCHLD; }

void forward(int signal, siginfo_t* info, void*) {
  const int saved_errno = errno;
  if (info->si_code > 0 && isFault(signal)) {
    ::signal(signal, SIG_DFL);  // our own fault: returning re-runs the instruction and we die of it
  } else if (g_program > 0) {
    ::kill(g_program, signal);
  }
  errno = saved_errno;
}

[[noreturn]] void fail(SpawnStage stage, int err) {
  const SpawnError record{stage, err};
  (void)!::write(kInitErrorFd, &record, sizeof(record));
  ::_exit(127);
}

// In the forked child, which becomes the program.
[[noreturn]] void execProgram(char** argv, pid_t init) {
  for (int signal = 1; signal < NSIG; ++signal) {
    if (forwarded(signal)) ::signal(signal, SIG_DFL);
  }
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail(SpawnStage::kStartProgram, errno);
  if (::getppid() != init) ::_exit(1);
  const InitReport started{InitReport::kProgramStarted, 0, 0};
  if (::send(kInitReportFd, &started, sizeof(started), MSG_NOSIGNAL) !=
      static_cast<ssize_t>(sizeof(started))) {
    fail(SpawnStage::kStartProgram, errno);
  }
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execve(argv[0], argv, environ);
  fail(SpawnStage::kExecProgram, errno);
}

// Reaps whatever ends (orphans are re-parented to us) until the program has ended.
int reapUntilProgramEnds(pid_t program) {
  for (;;) {
    siginfo_t info{};
    // WNOWAIT first: the report is sent before the program's pid is freed, so a launcher that
    // finds no report yet knows the pid it opened a pidfd for was still the program's.
    if (::waitid(P_ALL, 0, &info, WEXITED | WNOWAIT) != 0) {
      if (errno == EINTR) continue;
      return 0;  // ECHILD: nothing left to wait for
    }
    if (info.si_pid == program) {
      const InitReport ended{InitReport::kProgramEnded, info.si_code, info.si_status};
      (void)!::send(kInitReportFd, &ended, sizeof(ended), MSG_NOSIGNAL);
    }
    siginfo_t reaped{};
    while (::waitid(P_PID, static_cast<id_t>(info.si_pid), &reaped, WEXITED) != 0 &&
           errno == EINTR) {
    }
    if (info.si_pid == program) return 0;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || std::strcmp(argv[1], "--") != 0) {
    std::fprintf(stderr,
                 "%s: started by the browser's launcher, not by hand (usage: -- PROGRAM ARGS...)\n",
                 argv[0]);
    return 125;
  }
  // The program must not inherit these: they close at its execve.
  if (::fcntl(kInitErrorFd, F_SETFD, FD_CLOEXEC) != 0 ||
      ::fcntl(kInitReportFd, F_SETFD, FD_CLOEXEC) != 0) {
    fail(SpawnStage::kStartProgram, errno);
  }
  // Blocked until g_program is set, so no signal is forwarded to nobody or handled twice.
  sigset_t all;
  sigfillset(&all);
  ::sigprocmask(SIG_SETMASK, &all, nullptr);
  struct sigaction action {};
  action.sa_sigaction = forward;
  action.sa_flags = SA_SIGINFO | SA_RESTART;
  sigfillset(&action.sa_mask);
  for (int signal = 1; signal < NSIG; ++signal) {
    if (forwarded(signal)) ::sigaction(signal, &action, nullptr);
  }

  const pid_t init = ::getpid();
  const pid_t program = ::fork();
  if (program < 0) fail(SpawnStage::kStartProgram, errno);
  if (program == 0) execProgram(argv + 2, init);
  g_program = program;
  // The channel, the crash pipe and the exec-error pipe are the program's business.
  ::close_range(STDERR_FILENO + 1, kInitReportFd - 1, 0);
  ::close_range(kInitReportFd + 1, ~0u, 0);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  return reapUntilProgramEnds(program);
}
