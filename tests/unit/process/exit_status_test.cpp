#include "common/process/exit_status.h"

#include <gtest/gtest.h>

namespace sb::process {
namespace {

TEST(ExitStatus, DescribesEachWayToEnd) {
  EXPECT_EQ((ExitStatus{ExitStatus::Kind::kExited, 3, 0}).describe(), "exited with code 3");
  EXPECT_EQ((ExitStatus{ExitStatus::Kind::kKilled, 0, SIGKILL}).describe(), "killed by SIGKILL (9)");
  EXPECT_EQ((ExitStatus{ExitStatus::Kind::kKilled, 0, SIGSEGV}).describe(), "crashed: SIGSEGV (11)");
  EXPECT_EQ((ExitStatus{ExitStatus::Kind::kDumped, 0, SIGABRT}).describe(), "crashed: SIGABRT (6), core dumped");
}

TEST(ExitStatus, DecodesSiginfo) {
  siginfo_t info{};
  info.si_code = CLD_KILLED;
  info.si_status = SIGTERM;
  auto status = ExitStatus::fromSiginfo(info);
  EXPECT_EQ(status.kind, ExitStatus::Kind::kKilled);
  EXPECT_FALSE(status.isCrash());
  info.si_code = CLD_EXITED;
  info.si_status = 0;
  EXPECT_EQ(ExitStatus::fromSiginfo(info).describe(), "exited with code 0");
}

TEST(SignalNames, RoundTrip) {
  EXPECT_EQ(signalName(SIGKILL), "SIGKILL");
  EXPECT_EQ(signalFromName("KILL"), SIGKILL);
  EXPECT_EQ(signalFromName("SIGTERM"), SIGTERM);
  EXPECT_EQ(signalFromName("9"), 9);
  EXPECT_EQ(signalFromName("NOPE"), 0);
  EXPECT_EQ(signalFromName("99999"), 0);
  EXPECT_EQ(signalFromName(""), 0);
}

}  // namespace
}  // namespace sb::process
