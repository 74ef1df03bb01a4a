// Process isolation seen from outside: renderers killed with a real kill(2) cost only their own
// tabs; the browser's death takes every renderer with it. A real browser process, driven over its
// control socket.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QStringList>
#include <set>
#include <thread>

#include "tests/integration/control/control_session.h"
#include "tests/support/proc_inspect.h"

namespace sb::testing {
namespace {

using namespace std::chrono_literals;

TEST(ControlIsolation, KillingRenderersFromOutsideCostsOnlyTheirTabs) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const pid_t browser_pid = session.browser().pid();
  const QStringList urls = {"demo://clock", "demo://news", "demo://form", "demo://home",
                            "demo://clock"};
  std::vector<int> tabs;
  for (const QString& url : urls) tabs.push_back(session.openTab(url));
  for (int tab : tabs) session.waitFor(tab, "loaded");

  std::set<pid_t> every_renderer;
  for (size_t i = 0; i < tabs.size(); ++i) {
    SCOPED_TRACE("killing the renderer of tab " + std::to_string(tabs[i]));
    const auto victim = static_cast<pid_t>(session.tab(tabs[i])["renderer_pid"].toInteger());
    ASSERT_GT(victim, 0);
    for (pid_t pid : session.rendererPids()) every_renderer.insert(pid);

    ASSERT_EQ(::kill(victim, SIGKILL), 0);  // from outside, as a user's shell would
    const QJsonObject crashed = session.waitFor(tabs[i], "crashed");
    EXPECT_EQ(crashed["crash_reason"].toString().toStdString(), "killed by SIGKILL (9)");
    EXPECT_EQ(crashed["crashed_pid"].toInteger(), victim);
    EXPECT_TRUE(crashed["renderer_pid"].isNull());

    // Tabs killed earlier stay crashed (nothing revived them); the others still work.
    for (size_t j = 0; j < tabs.size(); ++j) {
      if (j == i) continue;
      const std::string state = session.tab(tabs[j])["state"].toString().toStdString();
      if (j < i) {
        EXPECT_EQ(state, "crashed") << "tab " << tabs[j];
      } else {
        EXPECT_NE(state, "crashed") << "tab " << tabs[j] << " died too";
      }
    }
    for (size_t j = i + 1; j < tabs.size(); ++j) {
      const QJsonObject reply =
          session.call({{"cmd", "navigate"}, {"tab", tabs[j]}, {"url", urls[j]}});
      EXPECT_TRUE(reply["ok"].toBool()) << toLine(reply);
    }
    for (size_t j = i + 1; j < tabs.size(); ++j) session.waitFor(tabs[j], "loaded");

    EXPECT_TRUE(session.browser().running());
    EXPECT_EQ(session.processes().at(0).toObject()["pid"].toInteger(), browser_pid);
    EXPECT_TRUE(zombieChildrenOf(browser_pid).empty());
  }
  for (pid_t pid : session.rendererPids()) every_renderer.insert(pid);

  const QJsonObject quit = session.call({{"cmd", "quit"}});
  EXPECT_TRUE(quit["ok"].toBool()) << toLine(quit);
  const auto status = session.browser().waitForExit(5s);
  ASSERT_TRUE(status.has_value()) << "the browser did not exit after quit";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << "wait status " << *status;
  for (pid_t pid : every_renderer) {
    EXPECT_FALSE(processAlive(pid)) << "renderer " << pid << " outlived the browser";
  }
}

TEST(ControlIsolation, KillingTheBrowserTakesEveryRendererWithIt) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  for (const char* url : {"demo://clock", "demo://news", "demo://form"}) {
    session.waitFor(session.openTab(url), "loaded");
  }
  const std::vector<pid_t> renderers = session.rendererPids();
  ASSERT_EQ(renderers.size(), 3u);

  ASSERT_EQ(::kill(session.browser().pid(), SIGKILL), 0);
  ASSERT_TRUE(session.browser().waitForExit(2s).has_value());
  // PR_SET_PDEATHSIG(SIGKILL) in every child: the kernel kills them when the browser dies.
  const auto deadline = std::chrono::steady_clock::now() + 1s;
  auto anyAlive = [&] {
    for (pid_t pid : renderers) {
      if (processAlive(pid)) return true;
    }
    return false;
  };
  while (anyAlive() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(2ms);
  }
  for (pid_t pid : renderers) {
    EXPECT_FALSE(processAlive(pid)) << "renderer " << pid << " survived the browser";
  }
}

TEST(ControlIsolation, SigtermQuitsCleanlyAndRemovesTheSocket) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  for (const char* url : {"demo://clock", "demo://form"}) session.waitFor(session.openTab(url), "loaded");
  const std::vector<pid_t> renderers = session.rendererPids();
  const std::string socket = session.browser().socketPath();
  ASSERT_EQ(::kill(session.browser().pid(), SIGTERM), 0);  // as `kill` or a service manager would
  const auto status = session.browser().waitForExit(5s);
  ASSERT_TRUE(status.has_value()) << "SIGTERM did not end the browser";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << "wait status " << *status;
  for (pid_t pid : renderers) EXPECT_FALSE(processAlive(pid)) << "renderer " << pid << " outlived the browser";
  EXPECT_NE(::access(socket.c_str(), F_OK), 0) << "the control socket file was left behind";
}

TEST(ControlIsolation, DeliberateFaultsAreReportedWithTheirSignal) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const int tab = session.openTab("demo://home");
  session.waitFor(tab, "loaded");

  QJsonObject reply = session.call({{"cmd", "crash"}, {"tab", tab}, {"how", "segv"}});
  ASSERT_TRUE(reply["ok"].toBool()) << toLine(reply);
  QJsonObject crashed = session.waitFor(tab, "crashed");
  EXPECT_TRUE(crashed["crash_reason"].toString().startsWith("crashed: SIGSEGV (11)"))
      << toLine(crashed);
  EXPECT_GT(crashed["crash_detect_latency_us"].toDouble(), 0.0) << toLine(crashed);

  reply = session.call({{"cmd", "reload"}, {"tab", tab}});
  ASSERT_TRUE(reply["ok"].toBool()) << toLine(reply);
  session.waitFor(tab, "loaded");
  reply = session.call({{"cmd", "crash"}, {"tab", tab}, {"how", "abort"}});
  ASSERT_TRUE(reply["ok"].toBool()) << toLine(reply);
  crashed = session.waitFor(tab, "crashed");
  EXPECT_TRUE(crashed["crash_reason"].toString().startsWith("crashed: SIGABRT (6)"))
      << toLine(crashed);
}

TEST(ControlIsolation, KillCommandMeasuresDetectionLatency) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const int tab = session.openTab("demo://home");
  const auto pid = session.waitFor(tab, "loaded")["renderer_pid"].toInteger();
  const QJsonObject reply = session.call({{"cmd", "kill"}, {"pid", pid}, {"signal", "TERM"}});
  ASSERT_TRUE(reply["ok"].toBool()) << toLine(reply);
  const QJsonObject crashed = session.waitFor(tab, "crashed");
  EXPECT_EQ(crashed["crash_reason"].toString(), "killed by SIGTERM (15)");
  EXPECT_GT(crashed["crash_detect_latency_us"].toDouble(), 0.0) << toLine(crashed);
  EXPECT_LT(crashed["crash_detect_latency_us"].toDouble(), 1e6) << toLine(crashed);
}

}  // namespace
}  // namespace sb::testing
