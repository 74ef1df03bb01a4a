// How the browser ends, seen from outside: SIGINT and SIGTERM shut every child down and remove the
// control socket; SIGKILL, which the browser never sees, still leaves no child of any kind alive
// (each has PR_SET_PDEATHSIG), and the socket file it leaves does not block the next start.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QProcess>
#include <QStringList>
#include <thread>

#include "apps/tools/ctl/control_client.h"
#include "common/process/command_line.h"
#include "tests/integration/control/control_session.h"
#include "tests/support/proc_inspect.h"

namespace sb::testing {
namespace {

using namespace std::chrono_literals;

// A browser with every kind of child: the zygote and the renderers it forked, the GPU process and
// both plugin processes.
std::vector<pid_t> startEveryKindOfChild(ControlSession& session) {
  for (const char* url : {"demo://clock", "demo://plugin", "https://example.com/x"}) {
    session.waitFor(session.openTab(url), "loaded");
  }
  // The plugins start once demo://plugin's boxes are laid out; wait for both.
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  int plugins = 0;
  while (plugins < 2 && std::chrono::steady_clock::now() < deadline) {
    plugins = 0;
    for (const auto& entry : session.processes()) plugins += entry.toObject()["kind"].toString() == "plugin";
    if (plugins < 2) std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(plugins, 2);
  return descendantsOf(session.browser().pid());
}

bool allGone(const std::vector<pid_t>& pids, std::chrono::milliseconds within) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    bool any = false;
    for (pid_t pid : pids) any = any || processAlive(pid);
    if (!any) return true;
    std::this_thread::sleep_for(5ms);
  }
  return false;
}

std::string alive(const std::vector<pid_t>& pids) {
  std::string text;
  for (pid_t pid : pids) {
    if (processAlive(pid)) text += std::to_string(pid) + " ";
  }
  return text;
}

TEST(BrowserDeath, SigkillLeavesNoChildOfAnyKind) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const std::vector<pid_t> children = startEveryKindOfChild(session);
  // zygote (and its namespace init), three renderers, GPU, two plugins
  ASSERT_GE(children.size(), 7u);
  ASSERT_EQ(::kill(session.browser().pid(), SIGKILL), 0);
  ASSERT_TRUE(session.browser().waitForExit(2s).has_value());
  EXPECT_TRUE(allGone(children, 2s)) << "still alive: " << alive(children);
}

TEST(BrowserDeath, SigintShutsEveryChildDownAndRemovesTheSocket) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const std::vector<pid_t> children = startEveryKindOfChild(session);
  const std::string socket = session.browser().socketPath();
  ASSERT_EQ(::kill(session.browser().pid(), SIGINT), 0);  // Ctrl+C in the terminal
  const auto status = session.browser().waitForExit(10s);
  ASSERT_TRUE(status.has_value()) << "SIGINT did not end the browser";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << "wait status " << *status;
  // The browser waits for its children before it exits; the zygote's forks go with the zygote.
  EXPECT_TRUE(allGone(children, 500ms)) << "outlived the browser: " << alive(children);
  EXPECT_NE(::access(socket.c_str(), F_OK), 0) << "the control socket file was left behind";
}

TEST(BrowserDeath, TheSocketOfAKilledBrowserDoesNotBlockTheNextStart) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const std::string socket = session.browser().socketPath();
  ASSERT_EQ(::kill(session.browser().pid(), SIGKILL), 0);
  ASSERT_TRUE(session.browser().waitForExit(2s).has_value());
  struct stat st {};
  ASSERT_EQ(::stat(socket.c_str(), &st), 0) << "SIGKILL leaves the socket file: the case under test";

  QProcess next;
  next.setProgram(QString::fromStdString(process::resolveExecutable("sandbrowser").value_or("sandbrowser")));
  next.setArguments({"--headless", "--control-socket", QString::fromStdString(socket)});
  next.start();
  ASSERT_TRUE(next.waitForStarted(5000));
  std::unique_ptr<ctl::ControlClient> client;
  std::string error;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!client && std::chrono::steady_clock::now() < deadline) {
    // Until the new browser listens, connecting to the old file is refused.
    client = ctl::ControlClient::connect(socket, &error);
    if (!client) std::this_thread::sleep_for(20ms);
  }
  ASSERT_TRUE(client) << error;
  const auto reply = client->request(R"({"cmd":"list_tabs"})", 5s, &error);
  ASSERT_TRUE(reply.has_value()) << error;
  EXPECT_TRUE(parseReply(*reply)["ok"].toBool()) << *reply;

  // A third start on the same path while that browser lives is refused, and takes nothing over.
  QProcess third;
  third.start(next.program(), {"--headless", "--control-socket", QString::fromStdString(socket)});
  ASSERT_TRUE(third.waitForFinished(10000));
  EXPECT_NE(third.exitCode(), 0);
  EXPECT_TRUE(third.readAllStandardError().contains("another browser is listening on"));
  EXPECT_TRUE(client->request(R"({"cmd":"list_tabs"})", 5s, &error).has_value()) << error;

  next.terminate();  // SIGTERM
  ASSERT_TRUE(next.waitForFinished(10000));
  EXPECT_EQ(next.exitStatus(), QProcess::NormalExit);
  EXPECT_EQ(next.exitCode(), 0);
  EXPECT_NE(::access(socket.c_str(), F_OK), 0);
}

}  // namespace
}  // namespace sb::testing
