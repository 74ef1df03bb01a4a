// Who may use the control socket: only the browser's own uid. The 0600 file mode keeps other users
// from connecting at all; SO_PEERCRED refuses one that gets a connection anyway (here: a process
// that changed uid but kept CAP_DAC_OVERRIDE, which bypasses the file mode). Needs root to set up.
#include <errno.h>
#include <gtest/gtest.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/integration/control/control_session.h"

namespace sb::testing {
namespace {

using namespace std::chrono_literals;

constexpr uid_t kNobody = 65534;

enum ChildResult : int {
  kRefusedAsExpected = 0,
  kCannotChangeUid = 10,        // environment: skip
  kCannotRaiseCapability = 11,  // environment: skip
  kModeDidNotKeepUsOut = 20,
  kCapabilityDidNotLetUsIn = 21,
  kNotRefused = 22,
};

bool raiseDacOverride() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  if (::syscall(SYS_capget, &header, data) != 0) return false;
  data[0].effective |= 1u << CAP_DAC_OVERRIDE;
  return ::syscall(SYS_capset, &header, data) == 0;
}

// Runs in a forked child; the exit code is one of ChildResult.
int tryAsAnotherUser(const std::string& path) {
  ::prctl(PR_SET_KEEPCAPS, 1);
  if (::setresgid(kNobody, kNobody, kNobody) != 0 || ::setresuid(kNobody, kNobody, kNobody) != 0) {
    return kCannotChangeUid;
  }
  std::string error;
  if (ctl::ControlClient::connect(path, &error)) return kModeDidNotKeepUsOut;
  if (!raiseDacOverride()) return kCannotRaiseCapability;
  auto client = ctl::ControlClient::connect(path, &error);
  if (!client) return kCapabilityDidNotLetUsIn;
  // The refusal is sent at once; our request may or may not get through before the close.
  client->send("{\"cmd\":\"list_tabs\"}", &error);
  auto reply = client->receive(5s, &error);
  if (!reply || reply->find("refused") == std::string::npos) return kNotRefused;
  // And nothing more: the connection is closed.
  if (client->receive(5s, &error)) return kNotRefused;
  return kRefusedAsExpected;
}

TEST(ControlPeer, AnotherUidIsKeptOutByTheModeAndRefusedByPeerCredentials) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to act as another user";
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const std::string path = session.socketPath();
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) ::_exit(tryAsAnotherUser(path));
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  const int result = WEXITSTATUS(status);
  if (result == kCannotChangeUid || result == kCannotRaiseCapability) {
    GTEST_SKIP() << "this environment does not allow changing uid with capabilities kept ("
                 << result << ")";
  }
  EXPECT_EQ(result, kRefusedAsExpected);
  // The refused peer did not disturb anyone else.
  EXPECT_EQ(session.call({{"cmd", "list_tabs"}})["ok"], QJsonValue(true));
}

}  // namespace
}  // namespace sb::testing
