#pragma once

#include <sys/types.h>

#include <optional>

#include "common/base/unique_fd.h"
#include "common/process/exit_status.h"
#include "common/process/launcher.h"

namespace sb::process {

// A launched child we are responsible for: signals go through its pidfd (no pid-reuse races) and
// it is always reaped, by tryReap() after exitFd() turns readable, or by the destructor, which
// kills and reaps a child that is still running so no zombie outlives us.
//
// Under a namespace init the program is signalled directly (it is not pid 1, so every signal
// works as usual), but the init is what we reap: it reports how the program ended, and a SIGKILL
// to it takes the whole namespace down at once.
//
// Forked by a zygote (`exit_report` set) the program is not ours at all: the zygote reaps it and
// reports how it ended on that socket, which is then what exitFd() is. We only signal it. A
// renderer thread of the browser (LaunchedChild::in_process) reports on such a socket too, and has
// no pidfd: nothing can be signalled.
class ChildProcess {
 public:
  ChildProcess(pid_t pid, UniqueFd pidfd, std::optional<NamespaceInit> init = std::nullopt,
               UniqueFd exit_report = {});
  ~ChildProcess();
  ChildProcess(ChildProcess&&) = default;
  ChildProcess& operator=(ChildProcess&&) = delete;

  pid_t pid() const { return pid_; }
  // Readable once the child can be reaped.
  int exitFd() const {
    if (exit_report_) return exit_report_.get();
    return init_ ? init_->pidfd.get() : pidfd_.get();
  }
  bool underNamespaceInit() const { return init_.has_value(); }
  bool reaped() const { return status_.has_value(); }
  const std::optional<ExitStatus>& status() const { return status_; }

  // False when the process is gone already (or was never ours).
  bool sendSignal(int signal);
  // Reaps without blocking; the status once the child has exited.
  std::optional<ExitStatus> tryReap();
  // SIGKILL, then a blocking reap.
  ExitStatus killAndReap();

 private:
  // How the program ended: the init's report when there is one, else what waitid() said.
  ExitStatus programStatus(const siginfo_t& waited) const;
  // The zygote's kProgramEnded record, waiting up to `timeout_ms` for it (0: not at all).
  std::optional<ExitStatus> reportedStatus(int timeout_ms);

  pid_t pid_;
  UniqueFd pidfd_;
  std::optional<NamespaceInit> init_;
  UniqueFd exit_report_;
  std::optional<ExitStatus> status_;
};

}  // namespace sb::process
