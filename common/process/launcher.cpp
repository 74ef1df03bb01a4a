#include "common/process/launcher.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "common/base/errno_text.h"
#include "common/process/child_setup.h"
#include "common/process/command_line.h"
#include "common/process/exec_plan.h"
#include "common/process/pidfd.h"
#include "common/process/spawn_steps.h"

namespace sb::process {
namespace {

// fork() and exec in the browser's own namespaces. `engaged` is passed on to the child as
// --sandbox-namespaces= when namespaces were asked for (it is then empty or partial).
LaunchResult spawnPlain(const std::string& binary, const LaunchOptions& options,
                        const std::optional<Namespaces>& engaged) {
  auto created = createSpawnFds(false);
  if (auto* error = std::get_if<SpawnFdsError>(&created)) return launchFailure(*error);
  SpawnFds& fds = std::get<SpawnFds>(created);
  const ExecPlan plan = programPlan(binary, options, engaged);
  const ChildSetup setup{.exec = &plan,
                         .fds = &fds,
                         .parent = ::getpid(),
                         .die_with_parent = options.die_with_parent,
                         .allow_core_dumps = options.allow_core_dumps};

  const pid_t pid = ::fork();
  if (pid < 0) return LaunchFailure{"fork: " + errnoText(errno), errno};
  if (pid == 0) runChild(setup);
  fds.closeChildEnds();

  if (auto error = awaitExec(fds.error_read.get())) {
    reapExiting(pid);  // it exits right after writing
    return LaunchFailure{describeSpawnError(*error, binary), error->error};
  }
  // Safe against pid reuse: the child is ours and not yet reaped.
  UniqueFd pidfd(::pidfd_open(pid, 0));
  if (!pidfd) {
    const int err = errno;
    ::kill(pid, SIGKILL);
    reapExiting(pid);
    return LaunchFailure{"pidfd_open: " + errnoText(err), err};
  }
  LaunchedChild child;
  child.pid = pid;
  child.pidfd = std::move(pidfd);
  child.channel = std::move(fds.channel);
  child.crash_pipe = std::move(fds.crash_read);
  return child;
}

}  // namespace

std::vector<std::string> LaunchOptions::defaultEnvironmentAllowlist() {
  return {"PATH",
          "HOME",
          "LANG",
          "LC_ALL",
          "LC_CTYPE",
          "TZ",
          "SANDBROWSER_LOG",
          "QT_QPA_PLATFORM",
          "ASAN_OPTIONS",
          "UBSAN_OPTIONS",
          "LSAN_OPTIONS",
          "TSAN_OPTIONS"};
}

LaunchResult launchChild(const LaunchOptions& options) {
  auto child_binary = resolveExecutable(options.executable);
  if (!child_binary) {
    return LaunchFailure{"cannot find executable '" + options.executable + "'", ENOENT};
  }
  std::string binary = *child_binary;
  if (!options.command_prefix.empty()) {
    auto wrapper = resolveExecutable(options.command_prefix.front());
    if (!wrapper) {
      return LaunchFailure{"cannot find wrapper '" + options.command_prefix.front() + "'", ENOENT};
    }
    binary = *wrapper;
  }
  if (!options.namespaces.any()) return spawnPlain(binary, options, std::nullopt);

  Namespaces wanted = options.namespaces;
  std::vector<NamespaceOutcome> outcomes;  // grows with the namespaces that did not engage
  std::optional<std::string> init_binary;
  if (wanted.pid) {
    init_binary = resolveExecutable(kNamespaceInitExecutable);
    if (!init_binary) {
      // Without its init a pid namespace would make the program pid 1, which cannot abort().
      outcomes =
          failedOutcomes(Namespaces{.pid = true}, std::string(kNamespaceInitExecutable) +
                                                      " not found next to the browser or on PATH");
      wanted.pid = false;
    }
  }
  // Without a user namespace the others need CAP_SYS_ADMIN, which a browser run as root has: a
  // refused user namespace is tried once more without it before all of them are given up.
  Namespaces without_user = wanted;
  without_user.user = false;
  std::vector<Namespaces> attempts;
  if (wanted.any()) attempts.push_back(wanted);
  if (wanted.user && without_user.any()) attempts.push_back(without_user);
  std::string why;
  for (const Namespaces& attempt : attempts) {
    auto result = spawnInNamespaces(binary, options, attempt, init_binary);
    if (auto* failure = std::get_if<LaunchFailure>(&result)) return std::move(*failure);
    if (auto* child = std::get_if<LaunchedChild>(&result)) {
      if (wanted.user && !attempt.user) {
        auto user = failedOutcomes(Namespaces{.user = true}, why);
        outcomes.insert(outcomes.end(), user.begin(), user.end());
      }
      child->namespaces.insert(child->namespaces.end(), outcomes.begin(), outcomes.end());
      sortOutcomes(child->namespaces);
      return std::move(*child);
    }
    if (why.empty()) why = std::get<NamespacesUnavailable>(result).why;
  }
  // The kernel (or its configuration) refused: start without namespaces and say why.
  auto plain = spawnPlain(binary, options, Namespaces{});
  if (auto* child = std::get_if<LaunchedChild>(&plain)) {
    child->namespaces = failedOutcomes(wanted, why);
    child->namespaces.insert(child->namespaces.end(), outcomes.begin(), outcomes.end());
    sortOutcomes(child->namespaces);
  }
  return plain;
}

}  // namespace sb::process
