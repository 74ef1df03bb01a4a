// The fatal-signal reporter in forked children, with and without the sandbox engaged: the note it
// writes to the crash fd, and that the child still dies of the original signal.
#include "common/sandbox/fatal_signal_reporter.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "common/process/crash_note.h"
#include "common/sandbox/engage.h"

// Outside any anonymous namespace and never inlined: the test binary exports its symbols, so the
// backtrace can name this frame.
namespace sb::sandbox::fatal_test {

__attribute__((noinline, no_sanitize("undefined"))) void writeThroughNullOnPurpose() {
  volatile int* volatile target = nullptr;
  *target = 1;
}

// Never reached (the stack ends long before), but it gives the recursion a way out for the
// compiler.
volatile int g_depth_limit = 1 << 30;

__attribute__((noinline)) int recurseWithoutEnd(int depth) {
  if (depth == g_depth_limit) return 0;
  volatile char frame[512];
  frame[0] = static_cast<char>(depth);
  return recurseWithoutEnd(depth + 1) + frame[0];  // not a tail call: every level keeps its frame
}

}  // namespace sb::sandbox::fatal_test

namespace sb::sandbox {
namespace {

enum class Sandbox { kOff, kEngaged };

struct Ended {
  int status = 0;
  std::string note;
};

template <typename Body>
Ended runReporting(Sandbox sandbox, Body body) {
  int crash[2];
  EXPECT_EQ(::pipe2(crash, O_CLOEXEC), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(crash[0]);
    if (!installFatalSignalReporter(crash[1])) ::_exit(100);
    if (sandbox == Sandbox::kEngaged) {
      const int keep[] = {crash[1]};
      const auto status = engageSandbox(policyFor(wire::PROCESS_KIND_TEST), keep, crash[1]);
      for (const auto& layer : status.layers()) {
        if (!layer.engaged() && layer.name() != "die-with-browser") ::_exit(101);
      }
    }
    body();
    ::_exit(0);
  }
  ::close(crash[1]);
  Ended ended;
  ::waitpid(pid, &ended.status, 0);
  ::fcntl(crash[0], F_SETFL, O_NONBLOCK);
  ended.note = process::drainCrashPipe(crash[0]);
  ::close(crash[0]);
  return ended;
}

size_t countLines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(FatalSignalReporter, ASegfaultWritesTheSignalAndABacktraceNamingTheFaultingFunction) {
  const Ended ended = runReporting(Sandbox::kOff, [] { fatal_test::writeThroughNullOnPurpose(); });
  ASSERT_TRUE(WIFSIGNALED(ended.status)) << ended.status;
  EXPECT_EQ(WTERMSIG(ended.status), SIGSEGV);
  EXPECT_EQ(ended.note.rfind("crash: SIGSEGV (11)\nbacktrace:\n", 0), 0u) << ended.note;
  EXPECT_NE(ended.note.find("writeThroughNullOnPurpose"), std::string::npos) << ended.note;
}

TEST(FatalSignalReporter, UnderTheFullSandboxTheBacktraceStillNamesOurFrames) {
  const Ended ended =
      runReporting(Sandbox::kEngaged, [] { fatal_test::writeThroughNullOnPurpose(); });
  ASSERT_TRUE(WIFSIGNALED(ended.status)) << ended.status;
  EXPECT_EQ(WTERMSIG(ended.status), SIGSEGV) << ended.note;
  EXPECT_EQ(ended.note.rfind("crash: SIGSEGV (11)\nbacktrace:\n", 0), 0u) << ended.note;
  EXPECT_NE(ended.note.find("writeThroughNullOnPurpose"), std::string::npos) << ended.note;
  EXPECT_EQ(process::sandboxViolation(ended.note), std::nullopt);
}

TEST(FatalSignalReporter, AbortUnderTheSandboxStillDiesOfSigabrt) {
  const Ended ended = runReporting(Sandbox::kEngaged, [] { std::abort(); });
  ASSERT_TRUE(WIFSIGNALED(ended.status)) << ended.status;
  EXPECT_EQ(WTERMSIG(ended.status), SIGABRT);
  EXPECT_EQ(ended.note.rfind("crash: SIGABRT (6)\nbacktrace:\n", 0), 0u) << ended.note;
}

TEST(FatalSignalReporter, AStackOverflowIsReportedFromTheAlternateStackAndBounded) {
  const Ended ended = runReporting(Sandbox::kEngaged, [] { fatal_test::recurseWithoutEnd(0); });
  ASSERT_TRUE(WIFSIGNALED(ended.status)) << ended.status;
  EXPECT_EQ(WTERMSIG(ended.status), SIGSEGV);
  EXPECT_EQ(ended.note.rfind("crash: SIGSEGV (11)\nbacktrace:\n", 0), 0u) << ended.note;
  EXPECT_NE(ended.note.find("recurseWithoutEnd"), std::string::npos);
  EXPECT_LE(countLines(ended.note), 2u + 64u) << "at most 64 frames";
}

TEST(FatalSignalReporter, WithoutACrashFdTheSignalIsLeftAlone) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (!installFatalSignalReporter(-1)) ::_exit(100);
    struct sigaction current {};
    ::sigaction(SIGSEGV, nullptr, &current);
    ::_exit(current.sa_handler == SIG_DFL ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace sb::sandbox
