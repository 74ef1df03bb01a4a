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

// What the fatal-signal reporter writes: the reason stays one short line, the note is for the
// crash report.
const char kBacktraceNote[] =
    "crash: SIGSEGV (11)\n"
    "backtrace:\n"
    "/opt/sb/bin/sandbrowser-renderer(+0x5c2a1) [0x55d0c8a5c2a1]\n"
    "/lib/x86_64-linux-gnu/libc.so.6(+0x3c050) [0x7f7e4d23c050]\n"
    "/opt/sb/bin/sandbrowser-renderer(_ZN2sb5child7segvNowERNS_3ipc7ChannelE+0x4e) [0x55d0c8a5e1ce]\n";

TEST(CrashNote, ABacktraceNoteLeavesTheReasonOneShortLine) {
  const ExitStatus segv{ExitStatus::Kind::kKilled, 0, SIGSEGV};
  EXPECT_EQ(describeExit(segv, kBacktraceNote), "crashed: SIGSEGV (11)");
  const ExitStatus dumped{ExitStatus::Kind::kDumped, 0, SIGABRT};
  EXPECT_EQ(describeExit(dumped, kBacktraceNote), dumped.describe());
  EXPECT_EQ(describeExit(dumped, kBacktraceNote).find('\n'), std::string::npos);
  EXPECT_EQ(sandboxViolation(kBacktraceNote), std::nullopt);
}

TEST(CrashNote, TheSandboxLineIsFoundAmongOtherLines) {
  const std::string note = std::string(kBacktraceNote) + "sandbox: syscall 321 (bpf)\n";
  EXPECT_EQ(describeExit(kSigsys, note), "killed by the sandbox: syscall 321 (bpf)");
  // A frame that merely contains the words is not the sandbox's line.
  EXPECT_EQ(sandboxViolation("backtrace:\n/x/sandbox: syscall 9 (y)\n"), std::nullopt);
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
