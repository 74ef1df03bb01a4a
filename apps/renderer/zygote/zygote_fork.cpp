#include "apps/renderer/zygote/zygote_fork.h"

#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "apps/renderer/renderer_process.h"
#include "common/base/errno_text.h"
#include "common/process/spawn_protocol.h"
#include "common/sandbox/process_hardening.h"

namespace sb::renderer {
namespace {

constexpr unsigned long long kOwnNamespaces = CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWIPC;

bool writeFile(const char* path, const std::string& text) {
  const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  return ok;
}

// As the launcher does for a new user namespace: setgroups must be denied before an unprivileged
// process may write its gid_map.
bool mapIds(const ZygoteConfig& config) {
  return writeFile("/proc/self/setgroups", "deny") && writeFile("/proc/self/uid_map", config.uid_map) &&
         writeFile("/proc/self/gid_map", config.gid_map);
}

// What the renderer's --sandbox-namespaces= says: its own namespaces, and the zygote's pid
// namespace, which it shares.
std::string namespacesFlag(const ZygoteConfig& config, bool own) {
  process::Namespaces ns;
  ns.pid = config.zygote_namespaces->pid;
  ns.user = ns.net = ns.ipc = own;
  return std::string(process::kNamespacesFlag) + ns.list();
}

// In the new process: single-threaded like the zygote, so ordinary calls are safe here.
[[noreturn]] void becomeRenderer(const ForkRequest& request, const ZygoteConfig& config, bool own) {
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);  // the zygote blocks SIGCHLD for its signalfd
  if (own && !mapIds(config)) ::_exit(127);
  // Dies with the zygote, which dies with the browser. A zygote gone before this took effect
  // has re-parented us already.
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != config.zygote_pid) ::_exit(1);
  // An exec'd renderer loses its capabilities in its user namespace at execve; this one did not
  // exec, so it drops them here, and its "capabilities" layer then finds what an exec'd one does.
  if (own) (void)sandbox::dropCapabilities();
  if (::dup2(request.channel.get(), process::kChildChannelFd) < 0 ||
      ::dup2(request.crash_write.get(), process::kChildCrashFd) < 0) {
    ::_exit(127);
  }
  // Sent by this process, so the kernel attaches its pid as the browser sees it.
  const process::InitReport started{process::InitReport::kProgramStarted, 0, 0};
  if (::send(request.report.get(), &started, sizeof(started), MSG_NOSIGNAL) != sizeof(started)) {
    ::_exit(127);
  }
  // The zygote's channel, signalfd and the other renderers' report sockets are not ours.
  ::close_range(process::kChildCrashFd + 1, ~0u, 0);

  std::vector<std::string> args = config.renderer_args;
  args.push_back(std::string(process::kIpcFdFlag) + std::to_string(process::kChildChannelFd));
  args.push_back(std::string(process::kCrashFdFlag) + std::to_string(process::kChildCrashFd));
  if (config.zygote_namespaces) args.push_back(namespacesFlag(config, own));
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // exit(), not return: the zygote's frames below us must not run on in this process.
  std::exit(runRendererProcess(static_cast<int>(args.size()), argv.data()));
}

long cloneWith(unsigned long long flags) {
  clone_args args{};
  args.flags = flags;
  args.exit_signal = SIGCHLD;
  return ::syscall(SYS_clone3, &args, sizeof(args));
}

}  // namespace

pid_t forkRenderer(const ForkRequest& request, const ZygoteConfig& config) {
  // Own namespaces only where the zygote's launcher gave it some: under --no-sandbox, none.
  const bool want_own = config.sandbox && config.zygote_namespaces && config.zygote_namespaces->any();
  bool own = want_own;
  long pid = own ? cloneWith(kOwnNamespaces) : -1;
  if (pid < 0) {
    if (want_own) spdlog::warn("zygote: clone3 into new namespaces: {}", errnoText(errno));
    own = false;  // refused (nesting limit, sysctl): the browser sees and reports it
    pid = cloneWith(0);
  }
  if (pid < 0) return -errno;
  if (pid == 0) becomeRenderer(request, config, own);
  return static_cast<pid_t>(pid);
}

}  // namespace sb::renderer
