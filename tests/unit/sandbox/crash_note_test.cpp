#include "common/process/crash_note.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

namespace sb::process {
namespace {

const ExitStatus kSigsys{ExitStatus::Kind::kKilled, 0, SIGSYS};

TEST(CrashNote, ASigsysWithTheSandboxLineNamesTheSyscall) {
  EXPECT_EQ(describeExit(kSigsys, "sandbox: syscall 321 (bpf)\n"),
            "killed by the sandbox: syscall 321 (bpf)");
  EXPECT_EQ(describeExit(kSigsys, "other text\nsandbox: syscall 999\n"),
            "killed by the sandbox: syscall 999");
}

TEST(CrashNote, WithoutTheLineOrWithAnotherSignalTheStatusSpeaks) {
  EXPECT_EQ(describeExit(kSigsys, ""), "crashed: SIGSYS (31)");
  EXPECT_EQ(describeExit(kSigsys, "sandbox: syscall x"), "crashed: SIGSYS (31)");
  const ExitStatus segv{ExitStatus::Kind::kKilled, 0, SIGSEGV};
  EXPECT_EQ(describeExit(segv, "sandbox: syscall 321 (bpf)\n"), "crashed: SIGSEGV (11)");
  const ExitStatus exited{ExitStatus::Kind::kExited, 31, 0};
  EXPECT_EQ(describeExit(exited, "sandbox: syscall 321 (bpf)\n"), "exited with code 31");
}

TEST(CrashNote, AHostileNoteCannotInjectText) {
  EXPECT_EQ(sandboxViolation("sandbox: syscall 12 (x<b>y\x1b[31m)"), "syscall 12 (xby31m)");
  EXPECT_EQ(sandboxViolation("sandbox: syscall 1234567890 (bpf)"), "syscall 123456");
  EXPECT_EQ(sandboxViolation(std::string(40, 'a')), std::nullopt);
}

TEST(CrashNote, ReadingIsBoundedAndDoesNotBlock) {
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_NONBLOCK | O_CLOEXEC), 0);
  ::fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
  const std::string big(kMaxCrashNoteBytes + 1000, 'x');
  ASSERT_GT(::write(fds[1], big.data(), big.size()), static_cast<ssize_t>(kMaxCrashNoteBytes));
  EXPECT_EQ(drainCrashPipe(fds[0]).size(), kMaxCrashNoteBytes);  // and the writer is still open
  ::close(fds[0]);
  ::close(fds[1]);
}

}  // namespace
}  // namespace sb::process
