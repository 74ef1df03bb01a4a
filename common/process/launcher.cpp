#include "common/process/launcher.h"

#include <fcntl.h>
#include <signal.h>
#include "common/process/pidfd.h"
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "common/base/errno_text.h"
#include "common/process/command_line.h"

namespace sb::process {
namespace {

// Everything the parent prepares before fork: the child may only call async-signal-safe
// functions, because the browser has other threads whose locks fork() copies mid-flight.
struct ExecPlan {
  std::vector<std::string> argv_storage;
  std::vector<std::string> env_storage;
  std::vector<char*> argv;
  std::vector<char*> envp;
};

ExecPlan makePlan(const std::string& binary, const LaunchOptions& options) {
  ExecPlan plan;
  plan.argv_storage.push_back(binary);
  for (size_t i = 1; i < options.command_prefix.size(); ++i) plan.argv_storage.push_back(options.command_prefix[i]);
  if (!options.command_prefix.empty()) plan.argv_storage.push_back(*resolveExecutable(options.executable));
  for (const auto& arg : options.arguments) plan.argv_storage.push_back(arg);
  plan.argv_storage.push_back("--ipc-fd=" + std::to_string(kChildChannelFd));
  for (const auto& name : options.environment_allowlist) {
    if (const char* value = std::getenv(name.c_str())) plan.env_storage.push_back(name + "=" + value);
  }
  for (const auto& entry : options.extra_environment) plan.env_storage.push_back(entry);
  for (auto& s : plan.argv_storage) plan.argv.push_back(s.data());
  plan.argv.push_back(nullptr);
  for (auto& s : plan.env_storage) plan.envp.push_back(s.data());
  plan.envp.push_back(nullptr);
  return plan;
}

// Moves an fd above the range the child rearranges (0..kChildChannelFd), keeping close-on-exec.
UniqueFd moveHigh(UniqueFd fd) {
  UniqueFd high(::fcntl(fd.get(), F_DUPFD_CLOEXEC, 10));
  return high ? std::move(high) : std::move(fd);
}

[[noreturn]] void reportAndExit(int error_pipe, int err) {
  (void)!::write(error_pipe, &err, sizeof(err));
  ::_exit(127);
}

[[noreturn]] void childAfterFork(const ExecPlan& plan, int devnull, int channel, int error_pipe,
                                 pid_t parent, const LaunchOptions& options) {
  auto fail = [error_pipe](int err) { reportAndExit(error_pipe, err); };
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  if (options.die_with_parent) {
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail(errno);
    if (::getppid() != parent) ::_exit(1);  // the parent died before prctl took effect
  }
  if (!options.allow_core_dumps) {
    const rlimit no_core{0, 0};
    if (::setrlimit(RLIMIT_CORE, &no_core) != 0) fail(errno);
  }
  if (::dup2(devnull, STDIN_FILENO) < 0) fail(errno);
  if (::dup2(channel, kChildChannelFd) < 0) fail(errno);  // dup2 clears close-on-exec
  // Every other descriptor closes at exec; error_pipe stays usable until then.
  if (::close_range(kChildChannelFd + 1, ~0u, CLOSE_RANGE_CLOEXEC) != 0) fail(errno);
  ::execve(plan.argv[0], plan.argv.data(), plan.envp.data());
  reportAndExit(error_pipe, errno);
}

}  // namespace

std::vector<std::string> LaunchOptions::defaultEnvironmentAllowlist() {
  return {"PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "SANDBROWSER_LOG", "QT_QPA_PLATFORM",
          "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"};
}

LaunchResult launchChild(const LaunchOptions& options) {
  auto child_binary = resolveExecutable(options.executable);
  if (!child_binary) return LaunchFailure{"cannot find executable '" + options.executable + "'", ENOENT};
  std::string binary = *child_binary;
  if (!options.command_prefix.empty()) {
    auto wrapper = resolveExecutable(options.command_prefix.front());
    if (!wrapper) return LaunchFailure{"cannot find wrapper '" + options.command_prefix.front() + "'", ENOENT};
    binary = *wrapper;
  }
  const ExecPlan plan = makePlan(binary, options);

  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, pair) != 0) {
    return LaunchFailure{"socketpair: " + errnoText(errno), errno};
  }
  UniqueFd ours(pair[0]);
  UniqueFd theirs = moveHigh(UniqueFd(pair[1]));
  // The child's end must block: a child may use plain blocking reads.
  ::fcntl(theirs.get(), F_SETFL, ::fcntl(theirs.get(), F_GETFL) & ~O_NONBLOCK);
  UniqueFd devnull = moveHigh(UniqueFd(::open("/dev/null", O_RDONLY | O_CLOEXEC)));
  if (!devnull) return LaunchFailure{"open /dev/null: " + errnoText(errno), errno};
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return LaunchFailure{"pipe2: " + errnoText(errno), errno};
  UniqueFd error_read(pipe_fds[0]);
  UniqueFd error_write = moveHigh(UniqueFd(pipe_fds[1]));

  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) return LaunchFailure{"fork: " + errnoText(errno), errno};
  if (pid == 0) {
    childAfterFork(plan, devnull.get(), theirs.get(), error_write.get(), parent, options);
  }
  error_write.reset();
  theirs.reset();

  int exec_errno = 0;
  ssize_t got;
  do {
    got = ::read(error_read.get(), &exec_errno, sizeof(exec_errno));
  } while (got < 0 && errno == EINTR);
  if (got > 0) {
    ::waitpid(pid, nullptr, 0);  // it exits right after writing; reap it
    return LaunchFailure{"exec " + binary + ": " + errnoText(exec_errno), exec_errno};
  }

  // Safe against pid reuse: the child is ours and not yet reaped.
  UniqueFd pidfd(::pidfd_open(pid, 0));
  if (!pidfd) {
    const int err = errno;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    return LaunchFailure{"pidfd_open: " + errnoText(err), err};
  }
  return LaunchedChild{pid, std::move(pidfd), std::move(ours)};
}

}  // namespace sb::process
