// The layers as they really behave, each in a forked child (the test process stays unsandboxed).
// The child answers through its exit status.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "common/base/sanitizers.h"
#include "common/process/crash_note.h"
#include "common/sandbox/engage.h"

namespace sb::sandbox {
namespace {

struct Ended {
  int status = 0;
  std::string note;
};

// Runs `body` in a child under the full sandbox, with a crash pipe like the launcher's.
template <typename Body>
Ended runSandboxed(Body body) {
  int crash[2];
  EXPECT_EQ(::pipe2(crash, O_CLOEXEC), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(crash[0]);
    const int keep[] = {crash[1]};
    const auto status = engageSandbox(policyFor(wire::PROCESS_KIND_TEST), keep, crash[1]);
    for (const auto& layer : status.layers()) {
      if (!layer.engaged() && layer.name() != "die-with-browser") ::_exit(100);
    }
    ::_exit(body());
  }
  ::close(crash[1]);
  Ended ended;
  ::waitpid(pid, &ended.status, 0);
  ::fcntl(crash[0], F_SETFL, O_NONBLOCK);
  ended.note = process::drainCrashPipe(crash[0]);
  ::close(crash[0]);
  return ended;
}

int errorOf(long result) { return result < 0 ? errno : 0; }

TEST(SandboxBehaviour, EscapeRoutesFailWithEpermAndTheProcessLivesOn) {
  const Ended ended = runSandboxed([] {
    if (errorOf(::openat(AT_FDCWD, "/etc/hostname", O_RDONLY)) != EPERM) return 1;
    if (errorOf(::socket(AF_UNIX, SOCK_STREAM, 0)) != EPERM) return 2;
    if (errorOf(::syscall(SYS_clone3, nullptr, 0)) != EPERM) return 3;
    if (errorOf(::fork()) != EPERM) return 4;
    if (errorOf(::kill(1, 0)) != EPERM) return 5;
    if (errorOf(::syscall(SYS_unshare, 0)) != EPERM) return 6;
    if (errorOf(::syscall(SYS_mmap, nullptr, 4096, PROT_READ | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) != EPERM)
      return 7;
    if (errorOf(::prctl(PR_SET_DUMPABLE, 1)) != EPERM) return 8;
    if (errorOf(::fcntl(0, F_SETOWN, 1)) != EPERM) return 9;
    return 0;
  });
  ASSERT_TRUE(WIFEXITED(ended.status)) << ended.status;
  EXPECT_EQ(WEXITSTATUS(ended.status), 0);
}

TEST(SandboxBehaviour, WhatAChildNeedsStillWorks) {
  const Ended ended = runSandboxed([] {
    void* block =
        ::mmap(nullptr, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) return 1;
    if (::munmap(block, 1 << 20) != 0) return 2;
    if (::write(2, "", 0) != 0) return 3;
    timespec now{};
    if (::clock_gettime(CLOCK_MONOTONIC, &now) != 0) return 4;
    if (::getpid() <= 0) return 5;
    if (::prctl(PR_GET_DUMPABLE) != 0) return 6;
    return 0;
  });
  ASSERT_TRUE(WIFEXITED(ended.status)) << ended.status;
  EXPECT_EQ(WEXITSTATUS(ended.status), 0);
}

TEST(SandboxBehaviour, AbortStillEndsWithSigabrt) {
  const Ended ended = runSandboxed([] {
    std::abort();
    return 0;
  });
  ASSERT_TRUE(WIFSIGNALED(ended.status));
  EXPECT_EQ(WTERMSIG(ended.status), SIGABRT);
}

TEST(SandboxBehaviour, ATrappedSyscallKillsWithSigsysAndNamesItOnTheCrashFd) {
  const Ended ended = runSandboxed([] {
    ::syscall(SYS_kexec_load, 0, 0, nullptr, 0);
    return 0;
  });
  ASSERT_TRUE(WIFSIGNALED(ended.status)) << ended.status;
  EXPECT_EQ(WTERMSIG(ended.status), SIGSYS);
  EXPECT_EQ(ended.note, "sandbox: syscall " + std::to_string(SYS_kexec_load) + " (kexec_load)\n");
}

TEST(SandboxBehaviour, LimitsAndFilesystemAreClosed) {
  const Ended ended = runSandboxed([] {
    rlimit limit{};
#if defined(SB_ADDRESS_SANITIZER) || defined(SB_THREAD_SANITIZER)
    // Sanitizers reserve terabytes of shadow memory: the policy leaves the address space alone.
    if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_max != RLIM_INFINITY) return 1;
#else
    if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_max != (rlim_t{4} << 30)) return 1;
    // Past the address-space cap an allocation fails instead of growing.
    if (::mmap(nullptr, rlim_t{5} << 30, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) !=
        MAP_FAILED)
      return 4;
#endif
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_max != 64) return 2;
    if (::getrlimit(RLIMIT_NPROC, &limit) != 0 || limit.rlim_max != 0) return 3;
    return 0;
  });
  ASSERT_TRUE(WIFEXITED(ended.status)) << ended.status;
  EXPECT_EQ(WEXITSTATUS(ended.status), 0);
}

}  // namespace
}  // namespace sb::sandbox
