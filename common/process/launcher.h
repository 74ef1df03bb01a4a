#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/base/unique_fd.h"
#include "common/process/namespaces.h"
#include "common/process/spawn_protocol.h"

namespace sb::process {

struct LaunchOptions {
  std::string executable;  // resolved with resolveExecutable()
  // After the executable; --ipc-fd=3, --crash-fd=4 and, when namespaces were asked for,
  // --sandbox-namespaces=<those that engaged> are appended.
  std::vector<std::string> arguments;
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
  // Started with clone3() in these namespaces where the kernel allows it; otherwise the child is
  // started without them and `LaunchedChild::namespaces` says why.
  Namespaces namespaces;

  static std::vector<std::string> defaultEnvironmentAllowlist();
};

// With a pid namespace the program is not our child: a tiny init (the namespace's pid 1) is, and
// the program is its child. We reap the init, which reports how the program ended.
struct NamespaceInit {
  pid_t pid = -1;
  UniqueFd pidfd;   // readable when the init, and so the whole namespace, is gone
  UniqueFd report;  // the init's InitReport records
};

struct LaunchedChild {
  pid_t pid = -1;  // the program we exec'd, as the browser sees it
  UniqueFd pidfd;  // the program's; without an init also readable when it exits
  std::optional<NamespaceInit> init;
  UniqueFd channel;  // our end of the socketpair, close-on-exec, non-blocking
  UniqueFd
      crash_pipe;  // read end of what the child writes to --crash-fd, close-on-exec, non-blocking
  std::vector<NamespaceOutcome> namespaces;  // one per namespace asked for
  // Set when a zygote forked the program: the zygote is its parent and reaps it, and sends the
  // InitReport::kProgramEnded record here (the socket closes without one if the zygote dies).
  UniqueFd exit_report;
  // A renderer thread of the browser itself (the single-process model): `pid` is the browser's,
  // there is no pidfd and nothing to signal; exit_report says when the thread's loop ended.
  bool in_process = false;
};

struct LaunchFailure {
  std::string message;  // "cannot find executable 'x'", "exec /a/b: EACCES (...)"
  int error = 0;        // errno, when one applies
};

using LaunchResult = std::variant<LaunchedChild, LaunchFailure>;

// Creates the socketpair and the crash pipe, starts the child and execs. Returns once exec
// succeeded or failed (a close-on-exec pipe carries exec's errno back), so a missing binary is an
// error here, not a hang later.
LaunchResult launchChild(const LaunchOptions& options);

}  // namespace sb::process
