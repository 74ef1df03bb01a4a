// sandbrowserctl run as a process, the way a person or a script uses it.
#include <gtest/gtest.h>

#include "common/process/command_line.h"
#include "tests/integration/control/control_session.h"
#include "tests/integration/control/run_process.h"

namespace sb::testing {
namespace {

class ControlCtl : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(session_.ok()) << session_.error();
    auto found = process::resolveExecutable("sandbrowserctl");
    ASSERT_TRUE(found) << "sandbrowserctl is not built next to the test";
    ctl_ = *found;
  }

  ProcessOutput ctl(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {ctl_, "--socket", session_.socketPath()});
    return runProcess(args, input);
  }

  ControlSession session_;
  std::string ctl_;
};

TEST_F(ControlCtl, PrintsAnOkReplyAndExitsZero) {
  const ProcessOutput result = ctl({"{\"cmd\":\"open_tab\",\"url\":\"demo://home\"}"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "{\"ok\":true,\"tab\":1}\n");
}

TEST_F(ControlCtl, PrintsAnErrorReplyAndExitsOne) {
  const ProcessOutput result = ctl({"{\"cmd\":\"reload\",\"tab\":42}"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.out.rfind("{\"ok\":false,\"error\":", 0), 0u) << result.out;
  EXPECT_NE(result.out.find("no tab 42"), std::string::npos) << result.out;
}

TEST_F(ControlCtl, JoinsSeveralWordsIntoOneRequest) {
  const ProcessOutput result = ctl({"{\"cmd\":", "\"list_tabs\"}"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "{\"ok\":true,\"tabs\":[]}\n");
}

TEST_F(ControlCtl, ReadsTheRequestFromStdinWithADash) {
  const ProcessOutput result = ctl({"-"}, "{\"cmd\":\"list_tabs\"}\n");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "{\"ok\":true,\"tabs\":[]}\n");
}

TEST_F(ControlCtl, ConnectionAndUsageErrorsExitTwo) {
  const ProcessOutput no_socket =
      runProcess({ctl_, "--socket", "/nonexistent/sandbrowser.sock", "{\"cmd\":\"list_tabs\"}"});
  EXPECT_EQ(no_socket.exit_code, 2);
  EXPECT_NE(no_socket.err.find("cannot connect to /nonexistent/sandbrowser.sock: ENOENT"),
            std::string::npos)
      << no_socket.err;
  EXPECT_TRUE(no_socket.out.empty());

  EXPECT_EQ(runProcess({ctl_}).exit_code, 2);
  EXPECT_EQ(runProcess({ctl_, "--socket", session_.socketPath()}).exit_code, 2);
  const ProcessOutput two_lines = ctl({"-"}, "{\"cmd\":\"list_tabs\"}\n{\"cmd\":\"list_tabs\"}\n");
  EXPECT_EQ(two_lines.exit_code, 2);
  EXPECT_NE(two_lines.err.find("one request per call"), std::string::npos) << two_lines.err;
}

}  // namespace
}  // namespace sb::testing
