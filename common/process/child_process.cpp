#include "common/process/child_process.h"

#include "common/process/pidfd.h"
#include <sys/wait.h>

#include <cerrno>

namespace sb::process {

ChildProcess::~ChildProcess() {
  if (pidfd_.valid() && !status_) killAndReap();
}

bool ChildProcess::sendSignal(int signal) {
  if (!pidfd_.valid() || status_) return false;
  return ::pidfd_send_signal(pidfd_.get(), signal, nullptr, 0) == 0;
}

std::optional<ExitStatus> ChildProcess::tryReap() {
  if (status_ || !pidfd_.valid()) return status_;
  siginfo_t info{};
  int rc;
  do {
    rc = ::waitid(P_PIDFD, static_cast<id_t>(pidfd_.get()), &info, WEXITED | WNOHANG);
  } while (rc < 0 && errno == EINTR);
  if (rc == 0 && info.si_pid != 0) status_ = ExitStatus::fromSiginfo(info);
  return status_;
}

ExitStatus ChildProcess::killAndReap() {
  if (status_) return *status_;
  ::pidfd_send_signal(pidfd_.get(), SIGKILL, nullptr, 0);
  siginfo_t info{};
  int rc;
  do {
    rc = ::waitid(P_PIDFD, static_cast<id_t>(pidfd_.get()), &info, WEXITED);
  } while (rc < 0 && errno == EINTR);
  status_ = rc == 0 ? ExitStatus::fromSiginfo(info) : ExitStatus{ExitStatus::Kind::kKilled, 0, SIGKILL};
  return *status_;
}

}  // namespace sb::process
