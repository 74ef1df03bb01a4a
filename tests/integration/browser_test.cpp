// Browser (Qt Core only) with real renderers: lifecycle edges the window and the control socket
// both rely on.
#include "apps/browser/core/browser.h"

#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/support/proc_inspect.h"
#include "tests/support/qt_wait.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::waitUntil;

TEST(Browser, ClosingATabBeforeItsRendererLaunchedLeavesNoProcess) {
  // Without the zygote, so that "no child at all" is the whole check.
  Browser browser({.zygote = false, .gpu_process = false});
  auto opened = browser.openTab("demo://home");
  ASSERT_TRUE(std::holds_alternative<int>(opened));
  ASSERT_TRUE(browser.closeTab(std::get<int>(opened)).ok);  // the launch is still queued
  sb::testing::spinFor(300ms);
  EXPECT_TRUE(sb::testing::childrenOf(::getpid()).empty());
  EXPECT_FALSE(browser.hasLiveChildren());
}

TEST(Browser, ShutdownRightAfterOpeningTabsCompletes) {
  Browser browser({});
  browser.openTab("demo://home");
  browser.openTab("demo://clock");
  bool complete = false;
  QObject::connect(&browser, &Browser::shutdownComplete, [&] { complete = true; });
  browser.shutdownAll();
  ASSERT_TRUE(waitUntil([&] { return complete; }, 5s));
  EXPECT_TRUE(sb::testing::childrenOf(::getpid()).empty());
}

TEST(Browser, BackAndForwardWalkTheHistory) {
  Browser browser({});
  const int tab = std::get<int>(browser.openTab("demo://home"));
  ASSERT_TRUE(browser.navigate(tab, "demo://news").ok);
  ASSERT_TRUE(browser.navigate(tab, "demo://form").ok);
  EXPECT_FALSE(browser.goForward(tab).ok);
  ASSERT_TRUE(browser.goBack(tab).ok);
  ASSERT_TRUE(browser.goBack(tab).ok);
  EXPECT_EQ(browser.tab(tab)->url.toString(), "demo://home");
  EXPECT_FALSE(browser.goBack(tab).ok);
  ASSERT_TRUE(browser.goForward(tab).ok);
  EXPECT_EQ(browser.tab(tab)->url.toString(), "demo://news");
  ASSERT_TRUE(waitUntil([&] { return browser.tab(tab)->state == TabState::kLoaded; }, 5s));
  EXPECT_EQ(browser.tab(tab)->title.toStdString(), "The Sandbox Times");
}

TEST(Browser, RefusesToSignalPidsThatAreNotItsRenderers) {
  Browser browser({});
  const int tab = std::get<int>(browser.openTab("demo://home"));
  ASSERT_TRUE(waitUntil([&] { return browser.tab(tab)->state == TabState::kLoaded; }, 5s));
  EXPECT_FALSE(browser.killPid(::getpid(), SIGKILL).ok) << "the browser must refuse to kill itself";
  EXPECT_FALSE(browser.killPid(1, SIGKILL).ok) << "pid 1 is not ours";
  EXPECT_TRUE(browser.killPid(browser.tab(tab)->renderer_pid, SIGKILL).ok);
  ASSERT_TRUE(waitUntil([&] { return browser.tab(tab)->state == TabState::kCrashed; }, 5s));
  EXPECT_GT(browser.tab(tab)->crash_detect_latency_ns, 0u);
}

}  // namespace
}  // namespace sb::browser
