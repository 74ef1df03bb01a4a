// Process models with real renderers: per-site sharing, what one crash takes down, tabs moving
// between renderers on cross-site navigations, and the renderer process limit.
#include <gtest/gtest.h>
#include <signal.h>

#include <map>
#include <set>
#include <thread>

#include "apps/browser/core/browser.h"
#include "tests/integration/tab_waits.h"
#include "tests/support/qt_wait.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::keepsAnimating;
using sb::testing::openLoaded;
using sb::testing::spinFor;
using sb::testing::waitForState;
using sb::testing::waitUntil;

Browser::Options perSite(int limit = kNoRendererProcessLimit) {
  return {.gpu_process = false,
          .process_model = ProcessModel::kPerSite,
          .renderer_process_limit = limit};
}

qint64 pidOf(const Browser& browser, int tab) { return browser.tab(tab)->renderer_pid; }

// Renderer pid -> how many of these tabs it hosts.
std::map<qint64, int> tabsPerPid(const Browser& browser, const std::vector<int>& tabs) {
  std::map<qint64, int> counts;
  for (int tab : tabs) ++counts[pidOf(browser, tab)];
  return counts;
}

// DisplayLists that `pid` sent for `tab`, as the IPC log saw them.
size_t listsFrom(const Browser& browser, qint64 pid, int tab) {
  size_t count = 0;
  for (const IpcRecord& record : browser.ipcLog().since(0, browser.ipcLog().size())) {
    count += record.incoming && record.pid == pid && record.tab_id == static_cast<uint32_t>(tab) &&
             record.kind == "display_list";
  }
  return count;
}

TEST(PerSite, TabsOfOneSiteShareARendererAndAnotherSiteHasItsOwn) {
  Browser browser(perSite());
  const int news = openLoaded(browser, "https://news.example.com/a");
  const int www = openLoaded(browser, "https://www.example.com:8443/b");
  const int other = openLoaded(browser, "https://example.org/");
  ASSERT_GT(pidOf(browser, news), 0);
  EXPECT_EQ(pidOf(browser, news), pidOf(browser, www));
  EXPECT_NE(pidOf(browser, other), pidOf(browser, news));
  EXPECT_EQ(browser.renderers().size(), 2u);
  EXPECT_EQ(browser.tabsOf(browser.tab(news)->renderer), (std::vector<int>{news, www}));
}

TEST(PerSite, KillingTheSharedRendererCrashesExactlyItsSiteAndReloadSharesAgain) {
  Browser browser(perSite());
  const int clock = openLoaded(browser, "demo://clock");
  const int clock_too = openLoaded(browser, "demo://clock?x=1");
  const int news = openLoaded(browser, "demo://news");
  const qint64 shared = pidOf(browser, clock);
  const qint64 news_pid = pidOf(browser, news);
  ASSERT_EQ(pidOf(browser, clock_too), shared);
  ASSERT_NE(news_pid, shared);

  ASSERT_EQ(::kill(static_cast<pid_t>(shared), SIGKILL), 0);
  ASSERT_TRUE(waitForState(browser, clock, TabState::kCrashed));
  ASSERT_TRUE(waitForState(browser, clock_too, TabState::kCrashed));
  spinFor(300ms);  // room for a wrong crash to show
  EXPECT_EQ(browser.tab(clock)->crashed_pid, shared);
  EXPECT_EQ(browser.tab(clock_too)->crashed_pid, shared);
  EXPECT_EQ(browser.tab(news)->state, TabState::kLoaded);
  EXPECT_EQ(pidOf(browser, news), news_pid);
  EXPECT_EQ(browser.renderers().size(), 1u);

  ASSERT_TRUE(browser.reload(clock).ok);
  ASSERT_TRUE(browser.reload(clock_too).ok);
  ASSERT_TRUE(waitForState(browser, clock, TabState::kLoaded));
  ASSERT_TRUE(waitForState(browser, clock_too, TabState::kLoaded));
  EXPECT_NE(pidOf(browser, clock), shared);
  EXPECT_EQ(pidOf(browser, clock_too), pidOf(browser, clock));
  EXPECT_EQ(browser.renderers().size(), 2u);
  EXPECT_TRUE(keepsAnimating(browser, clock));
  EXPECT_TRUE(keepsAnimating(browser, clock_too));
}

TEST(PerSite, ReloadingOneCrashedTabJoinsTheLiveRendererOfItsSite) {
  Browser browser(perSite());
  const int first = openLoaded(browser, "demo://clock");
  ASSERT_TRUE(browser.killRenderer(first, SIGKILL).ok);
  ASSERT_TRUE(waitForState(browser, first, TabState::kCrashed));
  const int second = openLoaded(browser, "demo://clock?fresh");  // a new renderer for the site
  ASSERT_TRUE(browser.reload(first).ok);
  ASSERT_TRUE(waitForState(browser, first, TabState::kLoaded));
  EXPECT_EQ(pidOf(browser, first), pidOf(browser, second));
  EXPECT_EQ(browser.renderers().size(), 1u);
}

TEST(PerSite, NavigatingToAnotherSiteMovesTheTabAndTheOldRendererLetsItGo) {
  Browser browser(perSite());
  const int moving = openLoaded(browser, "demo://clock");
  const int staying = openLoaded(browser, "demo://clock?x=1");
  const qint64 shared = pidOf(browser, moving);
  ASSERT_EQ(pidOf(browser, staying), shared);

  // Without the event loop running, the clock's lists for the moving tab pile up unread: the
  // browser reads them after the tab has left, as a renderer's in-flight messages.
  std::this_thread::sleep_for(400ms);
  ASSERT_TRUE(browser.navigate(moving, "demo://news").ok);
  ASSERT_TRUE(waitForState(browser, moving, TabState::kLoaded));
  EXPECT_NE(pidOf(browser, moving), shared);
  EXPECT_EQ(browser.tabsOf(browser.tab(staying)->renderer), std::vector<int>{staying});

  // The old renderer dropped the moved tab's clock (CloseTab): after what was in flight, it sends
  // nothing more for it, and it is not punished for what was in flight.
  spinFor(300ms);
  const size_t before = listsFrom(browser, shared, moving);
  spinFor(1s);  // the clock ticks every 100 ms
  EXPECT_EQ(listsFrom(browser, shared, moving), before);
  EXPECT_EQ(browser.tab(staying)->state, TabState::kLoaded);
  EXPECT_EQ(pidOf(browser, staying), shared);
  EXPECT_TRUE(keepsAnimating(browser, staying));
  EXPECT_TRUE(browser.crashReports().size() == 0u);

  // Back to the clock's site: it joins that renderer again.
  ASSERT_TRUE(browser.navigate(moving, "demo://clock?back").ok);
  ASSERT_TRUE(waitForState(browser, moving, TabState::kLoaded));
  EXPECT_EQ(pidOf(browser, moving), shared);
  EXPECT_TRUE(keepsAnimating(browser, moving));
}

TEST(PerSite, ASameSiteNavigationStaysAndALonelyTabsOldRendererIsShutDown) {
  Browser browser(perSite());
  const int tab = openLoaded(browser, "https://www.example.com/a");
  const ProcessHost* first = browser.tab(tab)->renderer;
  const qint64 first_pid = pidOf(browser, tab);
  ASSERT_TRUE(browser.navigate(tab, "https://news.example.com/b").ok);
  ASSERT_TRUE(waitForState(browser, tab, TabState::kLoaded));
  EXPECT_EQ(browser.tab(tab)->renderer, first);
  ASSERT_TRUE(browser.navigate(tab, "demo://home").ok);
  ASSERT_TRUE(waitForState(browser, tab, TabState::kLoaded));
  EXPECT_NE(pidOf(browser, tab), first_pid);
  ASSERT_TRUE(waitUntil([&] { return browser.renderers().size() == 1; }, 5s));
  EXPECT_TRUE(browser.crashReports().size() == 0u) << "a shutdown is not a crash";
}

TEST(PerSite, ClosingOneTabOfASharedRendererLeavesTheOtherRunning) {
  Browser browser(perSite());
  const int closing = openLoaded(browser, "demo://clock");
  const int staying = openLoaded(browser, "demo://clock?x=1");
  const qint64 shared = pidOf(browser, staying);
  ASSERT_TRUE(browser.closeTab(closing).ok);
  spinFor(300ms);
  EXPECT_EQ(browser.renderers().size(), 1u);
  EXPECT_EQ(pidOf(browser, staying), shared);
  EXPECT_TRUE(keepsAnimating(browser, staying));
  EXPECT_TRUE(browser.crashReports().size() == 0u);
}

TEST(ProcessLimit, FiveTabsShareTwoRenderersLeastLoadedFirst) {
  Browser browser({.gpu_process = false, .renderer_process_limit = 2});
  std::vector<int> tabs;
  for (const char* url :
       {"demo://home", "demo://news", "demo://clock", "demo://form", "https://example.com/x"}) {
    tabs.push_back(openLoaded(browser, url));
  }
  const auto counts = tabsPerPid(browser, tabs);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(browser.renderers().size(), 2u);
  // 1 new, 2 new, then the least loaded with the earliest on a tie: 3 -> 1's, 4 -> 2's, 5 -> 1's.
  EXPECT_EQ(pidOf(browser, tabs[2]), pidOf(browser, tabs[0]));
  EXPECT_EQ(pidOf(browser, tabs[3]), pidOf(browser, tabs[1]));
  EXPECT_EQ(pidOf(browser, tabs[4]), pidOf(browser, tabs[0]));
  EXPECT_EQ(counts.at(pidOf(browser, tabs[0])), 3);
  EXPECT_EQ(counts.at(pidOf(browser, tabs[1])), 2);

  const qint64 victim = pidOf(browser, tabs[1]);
  ASSERT_EQ(::kill(static_cast<pid_t>(victim), SIGKILL), 0);
  ASSERT_TRUE(waitForState(browser, tabs[1], TabState::kCrashed));
  ASSERT_TRUE(waitForState(browser, tabs[3], TabState::kCrashed));
  spinFor(300ms);
  for (int survivor : {tabs[0], tabs[2], tabs[4]}) {
    EXPECT_EQ(browser.tab(survivor)->state, TabState::kLoaded) << "tab " << survivor;
  }
  EXPECT_TRUE(keepsAnimating(browser, tabs[2]));

  // Below the limit again: the reloaded tab gets a renderer of its own.
  ASSERT_TRUE(browser.reload(tabs[1]).ok);
  ASSERT_TRUE(waitForState(browser, tabs[1], TabState::kLoaded));
  EXPECT_NE(pidOf(browser, tabs[1]), victim);
  EXPECT_NE(pidOf(browser, tabs[1]), pidOf(browser, tabs[0]));
  EXPECT_EQ(browser.renderers().size(), 2u);
}

TEST(ProcessLimit, PerSiteJoinsTheSameSiteBeforeTheLeastLoaded) {
  Browser browser(perSite(2));
  const int clock = openLoaded(browser, "demo://clock");
  const int clock_too = openLoaded(browser, "demo://clock?a");
  const int news = openLoaded(browser, "demo://news");
  const int home =
      openLoaded(browser, "demo://home");  // at the limit: joins news, the least loaded
  const int clock_three = openLoaded(browser, "demo://clock?b");  // joins the clocks, though busier
  EXPECT_EQ(pidOf(browser, clock_too), pidOf(browser, clock));
  EXPECT_NE(pidOf(browser, news), pidOf(browser, clock));
  EXPECT_EQ(pidOf(browser, home), pidOf(browser, news));
  EXPECT_EQ(pidOf(browser, clock_three), pidOf(browser, clock));
  EXPECT_EQ(browser.renderers().size(), 2u);
}

TEST(ProcessLimit, ALimitSetWhileRunningAppliesToNewTabsOnly) {
  Browser browser({.gpu_process = false});
  const int one = openLoaded(browser, "demo://home");
  const int two = openLoaded(browser, "demo://news");
  ASSERT_NE(pidOf(browser, one), pidOf(browser, two));
  browser.setRendererProcessLimit(1);
  const int three = openLoaded(browser, "demo://form");
  // Over the new limit already: the new tab joins the least loaded (the earliest on a tie).
  EXPECT_EQ(pidOf(browser, three), pidOf(browser, one));
  EXPECT_NE(pidOf(browser, one), pidOf(browser, two));
  EXPECT_EQ(browser.renderers().size(), 2u);
}

}  // namespace
}  // namespace sb::browser
