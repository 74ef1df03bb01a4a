// Starting a child in new namespaces with clone3(). The pid namespace brings a tiny init
// (sandbrowser-ns-init) as its pid 1; the program runs as that init's child.
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/base/errno_text.h"
#include "common/process/child_setup.h"
#include "common/process/exec_plan.h"
#include "common/process/pidfd.h"
#include "common/process/spawn_steps.h"

namespace sb::process {
namespace {

void killAndReap(int pidfd) {
  ::pidfd_send_signal(pidfd, SIGKILL, nullptr, 0);
  siginfo_t info{};
  while (::waitid(P_PIDFD, static_cast<id_t>(pidfd), &info, WEXITED) < 0 && errno == EINTR) {
  }
}

}  // namespace

NamespaceSpawnResult spawnInNamespaces(const std::string& binary, const LaunchOptions& options,
                                       const Namespaces& ns,
                                       const std::optional<std::string>& init_binary) {
  auto created = createSpawnFds(true);
  if (auto* error = std::get_if<SpawnFdsError>(&created)) return launchFailure(*error);
  SpawnFds& fds = std::get<SpawnFds>(created);
  const ExecPlan program = programPlan(binary, options, ns);
  std::optional<ExecPlan> init;
  if (ns.pid) init.emplace(initPlan(*init_binary, program));
  const IdMaps id_maps = identityIdMaps();
  const ChildSetup setup{.exec = init ? &*init : &program,
                         .exec_is_init = init.has_value(),
                         .fds = &fds,
                         .id_maps = ns.user ? &id_maps : nullptr,
                         .parent = ::getpid(),
                         .die_with_parent = options.die_with_parent,
                         .allow_core_dumps = options.allow_core_dumps};

  int raw_pidfd = -1;
  clone_args args{};
  args.flags = ns.cloneFlags() | CLONE_PIDFD;
  args.pidfd = reinterpret_cast<uintptr_t>(&raw_pidfd);
  args.exit_signal = SIGCHLD;
  const long pid = ::syscall(SYS_clone3, &args, sizeof(args));
  if (pid < 0) return NamespacesUnavailable{"clone3: " + errnoText(errno)};
  if (pid == 0) runChild(setup);
  UniqueFd clone_pidfd(raw_pidfd);
  fds.closeChildEnds();

  if (auto error = awaitExec(fds.error_read.get())) {
    reapExiting(static_cast<pid_t>(pid));
    if (error->stage == SpawnStage::kExecProgram) {
      return LaunchFailure{describeSpawnError(*error, binary), error->error};
    }
    return NamespacesUnavailable{describeSpawnError(*error, binary)};
  }

  LaunchedChild child;
  child.channel = std::move(fds.channel);
  child.crash_pipe = std::move(fds.crash_read);
  child.namespaces = engagedOutcomes(ns);
  if (!init) {
    child.pid = static_cast<pid_t>(pid);
    child.pidfd = std::move(clone_pidfd);
    return child;
  }
  const auto program_pid = receiveProgramPid(fds.report.get());
  if (!program_pid) {
    killAndReap(clone_pidfd.get());
    return LaunchFailure{"the namespace init did not report the program's pid", 0};
  }
  child.pid = *program_pid;
  child.pidfd = UniqueFd(::pidfd_open(*program_pid, 0));
  // Gone already: its pid may name another process by now, so signals go through the init.
  if (programEndReported(fds.report.get())) child.pidfd.reset();
  child.init =
      NamespaceInit{static_cast<pid_t>(pid), std::move(clone_pidfd), std::move(fds.report)};
  return child;
}

}  // namespace sb::process
