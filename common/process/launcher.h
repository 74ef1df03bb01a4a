#pragma once

#include <sys/types.h>

#include <string>
#include <variant>
#include <vector>

#include "common/base/unique_fd.h"

namespace sb::process {

// The descriptor number the child finds its end of the channel on; passed as --ipc-fd=3.
inline constexpr int kChildChannelFd = 3;

struct LaunchOptions {
  std::string executable;               // resolved with resolveExecutable()
  std::vector<std::string> arguments;   // after the executable; --ipc-fd=N is appended
  // A wrapper put in front, as Chrome's --renderer-cmd-prefix: {"strace", "-f"}, {"gdb", "--args"}.
  std::vector<std::string> command_prefix;
  // Only these variables of ours reach the child; everything else is dropped.
  std::vector<std::string> environment_allowlist = defaultEnvironmentAllowlist();
  std::vector<std::string> extra_environment;  // "NAME=value"
  // PR_SET_PDEATHSIG(SIGKILL): the child dies with the thread that launched it. Launch from a
  // thread that lives as long as the browser (the main thread).
  bool die_with_parent = true;
  // Crash demos would otherwise leave core files wherever the browser was started.
  bool allow_core_dumps = false;

  static std::vector<std::string> defaultEnvironmentAllowlist();
};

struct LaunchedChild {
  pid_t pid = -1;
  UniqueFd pidfd;    // readable when the child exits
  UniqueFd channel;  // our end of the socketpair, close-on-exec, non-blocking
};

struct LaunchFailure {
  std::string message;  // "cannot find executable 'x'", "exec /a/b: EACCES (...)"
  int error = 0;        // errno, when one applies
};

using LaunchResult = std::variant<LaunchedChild, LaunchFailure>;

// Creates the socketpair, forks and execs. Returns once exec succeeded or failed (a close-on-exec
// pipe carries exec's errno back), so a missing binary is an error here, not a hang later.
LaunchResult launchChild(const LaunchOptions& options);

}  // namespace sb::process
