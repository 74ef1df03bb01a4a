#include "common/process/child_process.h"

#include <sys/socket.h>
#include <sys/wait.h>

#include <cerrno>

#include "common/process/pidfd.h"

namespace sb::process {

ChildProcess::ChildProcess(pid_t pid, UniqueFd pidfd, std::optional<NamespaceInit> init)
    : pid_(pid), pidfd_(std::move(pidfd)), init_(std::move(init)) {}

ChildProcess::~ChildProcess() {
  if (exitFd() >= 0 && !status_) killAndReap();
}

bool ChildProcess::sendSignal(int signal) {
  if (status_) return false;
  // Without the program's pidfd (it died during the launch) the init forwards what it can.
  const int target = pidfd_.valid() ? pidfd_.get() : exitFd();
  if (target < 0) return false;
  return ::pidfd_send_signal(target, signal, nullptr, 0) == 0;
}

std::optional<ExitStatus> ChildProcess::tryReap() {
  if (status_ || exitFd() < 0) return status_;
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

}  // namespace sb::process
