#include "common/sandbox/syscall_sets.h"

#include <gtest/gtest.h>
#include <sys/syscall.h>

#include <algorithm>
#include <set>

namespace sb::sandbox {
namespace {

bool allowed(long number) {
  const auto calls = allowedSyscalls();
  return std::any_of(calls.begin(), calls.end(), [&](const auto& c) { return c.number == number; });
}

TEST(SyscallSets, NothingIsBothAllowedAndTrapped) {
  for (const auto& trapped : trappedSyscalls()) {
    EXPECT_FALSE(allowed(trapped.number)) << trapped.name;
  }
  std::set<int> seen;
  for (const auto& call : allowedSyscalls()) {
    EXPECT_TRUE(seen.insert(call.number).second) << call.name;
  }
}

// These must fail with EPERM, not kill: demo://sandbox shows each as "denied".
TEST(SyscallSets, EscapeRoutesAreNeitherAllowedNorTrapped) {
  const long denied[] = {SYS_open,
                         SYS_openat,
                         SYS_openat2,
                         SYS_socket,
                         SYS_connect,
                         SYS_bind,
                         SYS_execve,
                         SYS_execveat,
                         SYS_fork,
                         SYS_vfork,
                         SYS_clone,
                         SYS_clone3,
                         SYS_ptrace,
                         SYS_process_vm_readv,
                         SYS_process_vm_writev,
                         SYS_setuid,
                         SYS_setresuid,
                         SYS_setgid,
                         SYS_unshare,
                         SYS_setns,
                         SYS_mount,
                         SYS_chroot,
                         SYS_pidfd_open,
                         SYS_memfd_create,
                         SYS_socketpair,
                         SYS_pipe2,
                         SYS_tkill,
                         SYS_landlock_create_ruleset};
  for (long number : denied) {
    EXPECT_FALSE(allowed(number)) << number;
    EXPECT_EQ(trappedSyscallName(number), nullptr) << number;
  }
}

TEST(SyscallSets, TrappedCallsHaveTheirNames) {
  EXPECT_STREQ(trappedSyscallName(SYS_kexec_load), "kexec_load");
  EXPECT_STREQ(trappedSyscallName(SYS_bpf), "bpf");
  EXPECT_STREQ(trappedSyscallName(SYS_init_module), "init_module");
  EXPECT_EQ(trappedSyscallName(SYS_read), nullptr);
}

TEST(SyscallSets, WhatEveryChildNeedsIsAllowed) {
  for (long number :
       {SYS_read, SYS_write, SYS_recvmsg, SYS_sendmsg, SYS_poll, SYS_mmap, SYS_munmap, SYS_brk,
        SYS_futex, SYS_close, SYS_exit_group, SYS_rt_sigreturn, SYS_tgkill, SYS_getpid}) {
    EXPECT_TRUE(allowed(number)) << number;
  }
}

}  // namespace
}  // namespace sb::sandbox
