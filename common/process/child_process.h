#pragma once

#include <sys/types.h>

#include <optional>

#include "common/base/unique_fd.h"
#include "common/process/exit_status.h"

namespace sb::process {

// A launched child we are responsible for: signals go through its pidfd (no pid-reuse races) and
// it is always reaped, by tryReap() after its pidfd turns readable, or by the destructor, which
// kills and reaps a child that is still running so no zombie outlives us.
class ChildProcess {
 public:
  ChildProcess(pid_t pid, UniqueFd pidfd) : pid_(pid), pidfd_(std::move(pidfd)) {}
  ~ChildProcess();
  ChildProcess(ChildProcess&&) = default;
  ChildProcess& operator=(ChildProcess&&) = delete;

  pid_t pid() const { return pid_; }
  int pidfd() const { return pidfd_.get(); }
  bool reaped() const { return status_.has_value(); }
  const std::optional<ExitStatus>& status() const { return status_; }

  // False when the process is gone already (or was never ours).
  bool sendSignal(int signal);
  // Reaps without blocking; the status once the child has exited.
  std::optional<ExitStatus> tryReap();
  // SIGKILL, then a blocking reap.
  ExitStatus killAndReap();

 private:
  pid_t pid_;
  UniqueFd pidfd_;
  std::optional<ExitStatus> status_;
};

}  // namespace sb::process
