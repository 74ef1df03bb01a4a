// The GPU process dies (kill -9, demo://gpucrash, three times in a row) and the browser recovers:
// a new process repaints every tab, renderers never notice, and too many crashes fall back to
// software painting until retry().
#include <gtest/gtest.h>
#include <signal.h>

#include <map>
#include <vector>

#include "apps/browser/core/browser.h"
#include "tests/integration/gpu_waits.h"
#include "tests/integration/tab_waits.h"
#include "tests/support/proc_inspect.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::frameNumbers;
using sb::testing::GpuWatch;
using sb::testing::hasFreshFrame;
using sb::testing::openLoaded;
using sb::testing::runningGpuPid;
using sb::testing::waitForFreshFrames;
using sb::testing::waitForNewGpu;
using sb::testing::waitForState;
using sb::testing::waitUntil;

// Opens the three demo tabs and waits until each shows a frame from a running GPU process.
std::vector<int> openThreeTabsWithFrames(Browser& browser) {
  std::vector<int> tabs;
  for (const char* url : {"demo://home", "demo://news", "demo://clock"}) {
    const int tab = openLoaded(browser, url);
    if (tab > 0) tabs.push_back(tab);
  }
  EXPECT_EQ(tabs.size(), 3u);
  std::map<int, uint64_t> any;
  for (int tab : tabs) any[tab] = 0;
  EXPECT_TRUE(waitForFreshFrames(browser.gpu(), any, 15s))
      << "not every tab got a GPU frame: " << browser.gpu().statusText().toStdString();
  return tabs;
}

std::map<int, qint64> rendererPids(const Browser& browser, const std::vector<int>& tabs) {
  std::map<int, qint64> pids;
  for (int tab : tabs) pids[tab] = browser.tab(tab)->renderer_pid;
  return pids;
}

void expectTabsUntouched(const Browser& browser, const std::map<int, qint64>& renderer_pids) {
  for (const auto& [tab, pid] : renderer_pids) {
    const Tab* t = browser.tab(tab);
    ASSERT_NE(t, nullptr);
    EXPECT_NE(t->state, TabState::kCrashed)
        << "tab " << tab << ": " << t->crash_reason.toStdString();
    EXPECT_EQ(t->renderer_pid, pid) << "tab " << tab << " got a new renderer";
    EXPECT_TRUE(sb::testing::processAlive(static_cast<pid_t>(pid))) << "renderer of tab " << tab;
  }
}

TEST(GpuRecovery, KillingTheGpuProcessRepaintsEveryTab) {
  Browser browser({});
  GpuWatch watch(browser.gpu());
  const std::vector<int> tabs = openThreeTabsWithFrames(browser);
  ASSERT_EQ(tabs.size(), 3u);
  const auto before = frameNumbers(browser.gpu(), tabs);
  const auto renderers = rendererPids(browser, tabs);
  const qint64 gpu_pid = runningGpuPid(browser.gpu());
  ASSERT_GT(gpu_pid, 0);

  ASSERT_EQ(::kill(static_cast<pid_t>(gpu_pid), SIGKILL), 0);
  // The old frames stay on screen, marked stale, until the new process paints.
  ASSERT_TRUE(waitUntil([&] { return browser.gpu().totalCrashes() == 1; }, 10s));
  for (int tab : tabs) {
    const auto* frame = browser.gpu().frame(tab);
    if (frame && frame->frame_number == before.at(tab)) {
      EXPECT_TRUE(frame->stale) << "tab " << tab;
    }
  }

  EXPECT_TRUE(waitForFreshFrames(browser.gpu(), before, 10s))
      << browser.gpu().statusText().toStdString();
  const qint64 new_pid = runningGpuPid(browser.gpu());
  EXPECT_GT(new_pid, 0);
  EXPECT_NE(new_pid, gpu_pid);
  EXPECT_FALSE(sb::testing::processAlive(static_cast<pid_t>(gpu_pid)));
  expectTabsUntouched(browser, renderers);
  EXPECT_EQ(browser.gpu().totalCrashes(), 1);
  EXPECT_FALSE(browser.gpu().softwareFallback());
  ASSERT_EQ(watch.exits().size(), 1u);
  EXPECT_EQ(watch.exits()[0].pid, gpu_pid);
  EXPECT_NE(watch.exits()[0].reason.find("SIGKILL"), std::string::npos) << watch.exits()[0].reason;
  EXPECT_EQ(watch.launched().size(), 2u);
}

TEST(GpuRecovery, ThreeQuickCrashesFallBackToSoftware) {
  Browser browser({});
  GpuWatch watch(browser.gpu());
  const std::vector<int> tabs = openThreeTabsWithFrames(browser);
  ASSERT_EQ(tabs.size(), 3u);
  const auto renderers = rendererPids(browser, tabs);

  qint64 pid = runningGpuPid(browser.gpu());
  ASSERT_GT(pid, 0);
  for (int crash = 1; crash <= 3; ++crash) {
    ASSERT_EQ(::kill(static_cast<pid_t>(pid), SIGKILL), 0) << "crash " << crash;
    ASSERT_TRUE(waitUntil([&] { return browser.gpu().totalCrashes() == crash; }, 10s))
        << "crash " << crash;
    if (crash < 3) {
      EXPECT_FALSE(browser.gpu().softwareFallback()) << "crash " << crash;
      pid = waitForNewGpu(browser.gpu(), pid);
      ASSERT_GT(pid, 0) << "crash " << crash;
    }
  }

  EXPECT_TRUE(browser.gpu().softwareFallback());
  EXPECT_EQ(browser.gpu().mode(), GpuHost::Mode::kSoftware);
  EXPECT_EQ(browser.gpu().totalCrashes(), 3);
  EXPECT_EQ(watch.launched().size(), 3u) << "no GPU process may start after the third crash";
  for (int tab : tabs) EXPECT_EQ(browser.gpu().frame(tab), nullptr) << "tab " << tab;
  const std::string status = browser.gpu().statusText().toStdString();
  EXPECT_NE(status.find("oftware"), std::string::npos) << status;
  EXPECT_FALSE(browser.gpu().live());
  expectTabsUntouched(browser, renderers);

  // Pages still load and have content to paint, in the browser.
  ASSERT_TRUE(browser.navigate(tabs[0], "demo://news").ok);
  ASSERT_TRUE(waitForState(browser, tabs[0], TabState::kLoaded));
  ASSERT_NE(browser.tab(tabs[0])->composed, nullptr);
  EXPECT_EQ(browser.tab(tabs[0])->url.toString(), "demo://news");
  EXPECT_EQ(browser.gpu().frame(tabs[0]), nullptr);
  EXPECT_EQ(watch.launched().size(), 3u);

  // retry(): a fresh process, and frames again once the tabs have something new to show.
  browser.gpu().retry();
  const qint64 retried = waitForNewGpu(browser.gpu(), pid);
  ASSERT_GT(retried, 0);
  EXPECT_FALSE(browser.gpu().softwareFallback());
  EXPECT_EQ(watch.launched().size(), 4u);
  for (int tab : tabs) ASSERT_TRUE(browser.reload(tab).ok);
  std::map<int, uint64_t> any;
  for (int tab : tabs) any[tab] = 0;
  EXPECT_TRUE(waitForFreshFrames(browser.gpu(), any, 10s))
      << browser.gpu().statusText().toStdString();
  EXPECT_EQ(runningGpuPid(browser.gpu()), retried);
  EXPECT_EQ(browser.gpu().recentCrashes(), 0);
}

TEST(GpuRecovery, GpuCrashPageCrashesTheGpuProcessAndTabsComeBack) {
  Browser browser({});
  GpuWatch watch(browser.gpu());
  const std::vector<int> tabs = openThreeTabsWithFrames(browser);
  ASSERT_EQ(tabs.size(), 3u);
  const auto renderers = rendererPids(browser, tabs);
  const qint64 gpu_pid = runningGpuPid(browser.gpu());
  ASSERT_GT(gpu_pid, 0);
  std::map<int, uint64_t> after = frameNumbers(browser.gpu(), tabs);

  const int crasher = openLoaded(browser, "demo://gpucrash");
  ASSERT_GT(crasher, 0);
  ASSERT_TRUE(waitUntil([&] { return browser.gpu().totalCrashes() == 1; }, 10s))
      << browser.gpu().statusText().toStdString();
  ASSERT_EQ(watch.exits().size(), 1u);
  EXPECT_EQ(watch.exits()[0].pid, gpu_pid);
  EXPECT_NE(watch.exits()[0].reason.find("SIGSEGV"), std::string::npos) << watch.exits()[0].reason;

  after[crasher] = 0;
  EXPECT_TRUE(waitForFreshFrames(browser.gpu(), after, 10s))
      << browser.gpu().statusText().toStdString();
  const qint64 new_pid = runningGpuPid(browser.gpu());
  EXPECT_GT(new_pid, 0);
  EXPECT_NE(new_pid, gpu_pid);
  EXPECT_EQ(browser.gpu().totalCrashes(), 1);
  EXPECT_FALSE(browser.gpu().softwareFallback());
  expectTabsUntouched(browser, renderers);
  EXPECT_EQ(browser.tab(crasher)->state, TabState::kLoaded);
}

TEST(GpuRecovery, AHungGpuProcessIsKilledAndReplaced) {
  Browser browser({.heartbeat_interval = 200ms, .unresponsive_after = 1s});
  GpuWatch watch(browser.gpu());
  const int tab = openLoaded(browser, "demo://home");
  ASSERT_TRUE(waitUntil([&] { return browser.gpu().frame(tab) != nullptr; }, 10s));
  const qint64 gpu_pid = runningGpuPid(browser.gpu());
  ASSERT_GT(gpu_pid, 0);
  ASSERT_TRUE(browser.gpu().sendFault(wire::DebugFault::KIND_HANG));
  const qint64 new_pid = waitForNewGpu(browser.gpu(), gpu_pid);
  EXPECT_GT(new_pid, 0);
  ASSERT_EQ(watch.exits().size(), 1u);
  EXPECT_NE(watch.exits()[0].reason.find("stopped answering"), std::string::npos) << watch.exits()[0].reason;
  EXPECT_EQ(browser.gpu().totalCrashes(), 1);
  EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded);
}

}  // namespace
}  // namespace sb::browser
