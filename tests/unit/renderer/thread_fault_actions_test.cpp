// A renderer thread's faults (the single-process model) end the whole process, and the browser
// is told first. Death tests: each runs in a forked copy of this test.
#include "apps/renderer/in_process/thread_fault_actions.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace sb::renderer {
namespace {

// Faults on a thread that is not main, as in the browser, after a gate that says what is coming.
void faultOnAThread(void (*fault)(FaultActions&)) {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) std::abort();
  ipc::Channel channel{UniqueFd(pair[0])};
  UniqueFd peer(pair[1]);
  ThreadFaultActions faults(channel, [](const std::string& what) {
    std::fprintf(stderr, "told first: %s\n", what.c_str());
    return true;
  });
  std::thread([&] { fault(faults); }).join();
  std::fprintf(stderr, "the process survived\n");
  std::exit(0);
}

TEST(ThreadFaultActionsDeathTest, ASegvOnOneThreadEndsTheProcessAfterTheBrowserIsTold) {
  EXPECT_EXIT(faultOnAThread([](FaultActions& faults) { faults.segv(); }),
              ::testing::KilledBySignal(SIGSEGV), "told first: a null-pointer write");
}

TEST(ThreadFaultActionsDeathTest, AnAbortOnOneThreadEndsTheProcessAfterTheBrowserIsTold) {
  EXPECT_EXIT(faultOnAThread([](FaultActions& faults) { faults.abort(); }),
              ::testing::KilledBySignal(SIGABRT), "told first: abort\\(\\)");
}

TEST(ThreadFaultActions, AFaultTheBrowserCallsOffIsDropped) {
  int pair[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair), 0);
  ipc::Channel channel{UniqueFd(pair[0])};
  UniqueFd peer(pair[1]);
  std::vector<std::string> asked;
  ThreadFaultActions faults(channel, [&asked](const std::string& what) {
    asked.push_back(what);
    return false;  // the browser is quitting
  });
  faults.segv();
  faults.abort();
  faults.exit(3);
  EXPECT_EQ(asked, (std::vector<std::string>{"a null-pointer write (SIGSEGV)", "abort() (SIGABRT)", "exit(3)"}));
}

TEST(ThreadFaultActionsDeathTest, AnExitOnOneThreadEndsTheProcessWithItsCode) {
  EXPECT_EXIT(faultOnAThread([](FaultActions& faults) { faults.exit(7); }),
              ::testing::ExitedWithCode(7), "told first: exit\\(7\\)");
}

}  // namespace
}  // namespace sb::renderer
