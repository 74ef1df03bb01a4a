#include "common/process/child_setup.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>

namespace sb::process {
namespace {

[[noreturn]] void fail(const ChildSetup& setup, SpawnStage stage, int err) {
  const SpawnError record{stage, err};
  (void)!::write(setup.fds->error_write.get(), &record, sizeof(record));
  ::_exit(127);
}

bool writeFile(const char* path, const char* text, size_t size) {
  const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::write(fd, text, size) == static_cast<ssize_t>(size);
  const int err = errno;
  ::close(fd);
  errno = err;
  return ok;
}

// Our own ids, mapped to themselves. setgroups must be denied before an unprivileged process
// may write gid_map, so that nobody can drop a group that was denying them access.
void mapIds(const ChildSetup& setup) {
  const IdMaps& maps = *setup.id_maps;
  if (!writeFile("/proc/self/setgroups", "deny", 4)) fail(setup, SpawnStage::kSetgroups, errno);
  if (!writeFile("/proc/self/uid_map", maps.uid_map.data(), maps.uid_map.size())) {
    fail(setup, SpawnStage::kUidMap, errno);
  }
  if (!writeFile("/proc/self/gid_map", maps.gid_map.data(), maps.gid_map.size())) {
    fail(setup, SpawnStage::kGidMap, errno);
  }
}

// PDEATHSIG only covers a parent that dies after prctl(); this catches one that died before.
// In a new pid namespace getppid() is 0 (the parent is outside it), so a pidfd of the browser,
// readable once it has exited, answers instead.
bool parentGone(const ChildSetup& setup) {
  if (setup.fds->browser_pidfd) {
    pollfd pfd{setup.fds->browser_pidfd.get(), POLLIN, 0};
    return ::poll(&pfd, 1, 0) != 0;  // readable, or an error: either way do not go on
  }
  return ::getppid() != setup.parent;
}

// dup2() clears close-on-exec on the new number, which is what lets the program inherit it.
void moveTo(const ChildSetup& setup, const UniqueFd& fd, int number) {
  if (::dup2(fd.get(), number) < 0) fail(setup, SpawnStage::kSetup, errno);
}

}  // namespace

IdMaps identityIdMaps() {
  const auto uid = std::to_string(::geteuid());
  const auto gid = std::to_string(::getegid());
  return {uid + " " + uid + " 1\n", gid + " " + gid + " 1\n"};
}

void runChild(const ChildSetup& setup) {
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  if (setup.id_maps) mapIds(setup);
  if (setup.die_with_parent) {
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail(setup, SpawnStage::kSetup, errno);
    if (parentGone(setup)) ::_exit(1);
  }
  if (!setup.allow_core_dumps) {
    const rlimit no_core{0, 0};
    if (::setrlimit(RLIMIT_CORE, &no_core) != 0) fail(setup, SpawnStage::kSetup, errno);
  }
  const SpawnFds& fds = *setup.fds;
  moveTo(setup, fds.devnull, STDIN_FILENO);
  moveTo(setup, fds.child_channel, kChildChannelFd);
  moveTo(setup, fds.crash_write, kChildCrashFd);
  int first_other = kChildCrashFd + 1;
  if (setup.exec_is_init) {
    moveTo(setup, fds.error_write, kInitErrorFd);
    moveTo(setup, fds.child_report, kInitReportFd);
    first_other = kInitReportFd + 1;
  }
  // Every other descriptor closes at exec; error_write stays usable until then.
  if (::close_range(static_cast<unsigned>(first_other), ~0u, CLOSE_RANGE_CLOEXEC) != 0) {
    fail(setup, SpawnStage::kSetup, errno);
  }
  ::execve(setup.exec->path(), setup.exec->argv(), setup.exec->envp());
  fail(setup, setup.exec_is_init ? SpawnStage::kExecInit : SpawnStage::kExecProgram, errno);
}

}  // namespace sb::process
