#include "common/process/child_process.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <cerrno>

#include "common/process/pidfd.h"

namespace sb::process {

ChildProcess::ChildProcess(pid_t pid, UniqueFd pidfd, std::optional<NamespaceInit> init,
                           UniqueFd exit_report)
    : pid_(pid),
      pidfd_(std::move(pidfd)),
      init_(std::move(init)),
      exit_report_(std::move(exit_report)) {}

ChildProcess::~ChildProcess() {
  if (exitFd() >= 0 && !status_) killAndReap();
}

bool ChildProcess::sendSignal(int signal) {
  if (status_) return false;
  // Without the program's pidfd (it died during the launch) the init forwards what it can.
  const int target = pidfd_.valid() ? pidfd_.get() : exit_report_ ? -1 : exitFd();
  if (target < 0) return false;
  return ::pidfd_send_signal(target, signal, nullptr, 0) == 0;
}

std::optional<ExitStatus> ChildProcess::tryReap() {
  if (status_ || exitFd() < 0) return status_;
  if (exit_report_) return status_ = reportedStatus(0);
  siginfo_t info{};
  int rc;
  do {
    rc = ::waitid(P_PIDFD, static_cast<id_t>(exitFd()), &info, WEXITED | WNOHANG);
  } while (rc < 0 && errno == EINTR);
  if (rc == 0 && info.si_pid != 0) status_ = programStatus(info);
  return status_;
}

ExitStatus ChildProcess::killAndReap() {
  if (status_) return *status_;
  if (exit_report_) {
    if (pidfd_) ::pidfd_send_signal(pidfd_.get(), SIGKILL, nullptr, 0);
    // The zygote reaps within moments; a zygote that does not answer is not waited for forever.
    // A renderer thread (no pidfd) ends by itself once its channel is closed, as it is by now.
    status_ = reportedStatus(2000);
    if (!status_) status_ = ExitStatus{ExitStatus::Kind::kKilled, 0, SIGKILL};
    return *status_;
  }
  ::pidfd_send_signal(exitFd(), SIGKILL, nullptr, 0);
  siginfo_t info{};
  int rc;
  do {
    rc = ::waitid(P_PIDFD, static_cast<id_t>(exitFd()), &info, WEXITED);
  } while (rc < 0 && errno == EINTR);
  status_ = rc == 0 ? programStatus(info) : ExitStatus{ExitStatus::Kind::kKilled, 0, SIGKILL};
  return *status_;
}

ExitStatus ChildProcess::programStatus(const siginfo_t& waited) const {
  if (init_) {
    InitReport record;
    while (::recv(init_->report.get(), &record, sizeof(record), MSG_DONTWAIT) ==
           static_cast<ssize_t>(sizeof(record))) {
      if (record.magic == InitReport::kProgramEnded) {
        return ExitStatus::fromCodes(record.code, record.status);
      }
    }
  }
  // No report: the init itself was killed (SIGKILL ends the namespace), which is the answer.
  return ExitStatus::fromSiginfo(waited);
}

std::optional<ExitStatus> ChildProcess::reportedStatus(int timeout_ms) {
  pollfd pfd{exit_report_.get(), POLLIN, 0};
  if (timeout_ms > 0) {
    while (::poll(&pfd, 1, timeout_ms) < 0 && errno == EINTR) {
    }
  }
  InitReport record;
  ssize_t got;
  do {
    got = ::recv(exit_report_.get(), &record, sizeof(record), MSG_DONTWAIT);
  } while (got < 0 && errno == EINTR);
  if (got == static_cast<ssize_t>(sizeof(record)) && record.magic == InitReport::kProgramEnded) {
    return ExitStatus::fromCodes(record.code, record.status);
  }
  if (got != 0) return std::nullopt;  // nothing yet
  // Closed without a report: the zygote died, and its pid namespace (or, without one, the
  // PR_SET_PDEATHSIG each renderer sets) takes its renderers with it, by SIGKILL. Make sure.
  if (pidfd_) ::pidfd_send_signal(pidfd_.get(), SIGKILL, nullptr, 0);
  return ExitStatus{ExitStatus::Kind::kKilled, 0, SIGKILL};
}

}  // namespace sb::process
