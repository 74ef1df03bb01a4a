// demo://deadlock with a real renderer and a real plugin process, headless: the page's blocking
// call and the plugin's blocking call back make a cycle in the browser's wait-for graph, and the
// browser finds it and breaks it; without blocking there is nothing to break; a process that dies
// mid-call ends the other's wait with an error.
#include <gtest/gtest.h>
#include <signal.h>

#include <string>

#include "tests/integration/tab_waits.h"
#include "tests/support/proc_inspect.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::openLoaded;
using sb::testing::pageText;
using sb::testing::waitUntil;
using BoxState = PluginHosts::BoxContent::State;

constexpr uint32_t kDeadlockBox = 3;

pid_t tickerPid(const Browser& browser) {
  for (const auto& info : browser.plugins().types()) {
    if (info.type == "ticker" && info.process && !info.crashed) return info.process->pid();
  }
  return -1;
}

// A demo://deadlock tab whose ticker plugin runs.
int openDeadlockPage(Browser& browser) {
  const int tab = openLoaded(browser, "demo://deadlock");
  browser.resizeViewport(tab,
                         QSize(1280, 4000));  // the whole page in view: the renderer culls the rest
  if (!waitUntil(
          [&] { return browser.plugins().content(tab, kDeadlockBox).state == BoxState::kLive; },
          10s)) {
    ADD_FAILURE() << "the ticker box never went live";
  }
  return tab;
}

void press(Browser& browser, int tab, wire::KeyInput::Special special,
           const std::string& text = {}) {
  wire::InputEvent input;
  input.mutable_key()->set_special(special);
  input.mutable_key()->set_text(text);
  browser.sendInput(tab, input);
}

bool pageShows(const Browser& browser, int tab, const std::string& text,
               std::chrono::milliseconds timeout = 10s) {
  return waitUntil([&] { return pageText(browser, tab).find(text) != std::string::npos; }, timeout);
}

size_t logged(const Browser& browser, const std::string& kind) {
  size_t count = 0;
  for (const IpcRecord& record : browser.ipcLog().since(0, browser.ipcLog().size()))
    count += record.kind == kind;
  return count;
}

TEST(DeadlockLesson, RunsHeadlessAndTheBrowserFindsTheCycleAndBreaksIt) {
  Browser browser({.gpu_process = false});
  const int tab = openDeadlockPage(browser);
  const pid_t renderer = static_cast<pid_t>(browser.tab(tab)->renderer_pid);
  const pid_t plugin = tickerPid(browser);
  ASSERT_GT(plugin, 0);

  press(browser, tab, wire::KeyInput::SPECIAL_ENTER);  // "Ask and wait"
  ASSERT_TRUE(waitUntil([&] { return !browser.deadlocks().empty(); }, 10s))
      << pageText(browser, tab);
  const Browser::DeadlockReport& deadlock = browser.deadlocks().front();
  const std::string r = "renderer pid " + std::to_string(renderer);
  const std::string p = "plugin ticker pid " + std::to_string(plugin);
  EXPECT_EQ(deadlock.cycle, r + " -> " + p + " -> " + r);
  EXPECT_EQ(deadlock.refused, p) << "the youngest call, the plugin's call back, is refused";
  // The check runs after deadlock_check_after (1 s): an order of magnitude, not a timing.
  EXPECT_GE(deadlock.waited_ms, 500u);
  EXPECT_LT(deadlock.waited_ms, 5000u) << "broken well before the hang monitor would fire";

  // Both went on: the page shows the broken cycle, nothing waits any more, nobody was killed.
  EXPECT_TRUE(pageShows(browser, tab, "Deadlock found and broken")) << pageText(browser, tab);
  EXPECT_TRUE(pageShows(browser, tab, "Cycle: " + deadlock.cycle));
  EXPECT_TRUE(pageShows(browser, tab, "too late, the browser had refused that call"))
      << pageText(browser, tab);
  EXPECT_TRUE(waitUntil([&] { return browser.pendingCalls() == 0; }, 5s));
  EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded);
  EXPECT_TRUE(sb::testing::processAlive(renderer));
  EXPECT_EQ(tickerPid(browser), plugin);
  EXPECT_EQ(browser.deadlocks().size(), 1u);
  // The page's call and the plugin's call back, and a reply to each in the inspector's log.
  EXPECT_EQ(logged(browser, "call"), 4u) << "two calls, each logged in and forwarded out";
  EXPECT_GE(logged(browser, "call_reply"), 3u);

  // Again: the same cycle forms and is broken the same way.
  press(browser, tab, wire::KeyInput::SPECIAL_ENTER);
  EXPECT_TRUE(waitUntil([&] { return browser.deadlocks().size() == 2; }, 10s));
}

TEST(DeadlockLesson, ANonBlockingCallLeavesNothingToBreak) {
  Browser browser({.gpu_process = false});
  const int tab = openDeadlockPage(browser);
  press(browser, tab, wire::KeyInput::SPECIAL_NONE, "n");  // "Ask without waiting"
  ASSERT_TRUE(pageShows(browser, tab, "The answer came after")) << pageText(browser, tab);
  EXPECT_TRUE(pageShows(browser, tab, "answered at once: the page was not blocked"));
  EXPECT_TRUE(pageShows(browser, tab, "the page said: \"demo://deadlock, call 1\""));
  EXPECT_TRUE(browser.deadlocks().empty());
  EXPECT_EQ(browser.pendingCalls(), 0u);
}

TEST(DeadlockLesson, APluginKilledMidCallEndsThePagesWaitWithAnError) {
  Browser browser({.gpu_process = false, .deadlock_check_after = 60s});  // no rescue: a plain wait
  const int tab = openDeadlockPage(browser);
  const pid_t renderer = static_cast<pid_t>(browser.tab(tab)->renderer_pid);
  press(browser, tab, wire::KeyInput::SPECIAL_ENTER);
  ASSERT_TRUE(waitUntil([&] { return browser.pendingCalls() == 2; }, 10s))
      << "both blocked on each other";
  ASSERT_EQ(::kill(tickerPid(browser), SIGKILL), 0);

  EXPECT_TRUE(pageShows(browser, tab, "the plugin process ended before it answered"))
      << pageText(browser, tab);
  EXPECT_TRUE(waitUntil([&] { return browser.pendingCalls() == 0; }, 5s));
  EXPECT_TRUE(browser.deadlocks().empty());
  EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded)
      << "a dead plugin costs its box, not the page";
  EXPECT_TRUE(sb::testing::processAlive(renderer));
}

TEST(DeadlockLesson, ACallFromAPageTheTabHasLeftIsAnsweredNotPunished) {
  Browser browser({.gpu_process = false});
  const int tab = openDeadlockPage(browser);
  const pid_t renderer = static_cast<pid_t>(browser.tab(tab)->renderer_pid);
  // The renderer reads Enter first and calls; by the time the call arrives, the browser has moved
  // the tab on to demo://home (same site, same renderer).
  press(browser, tab, wire::KeyInput::SPECIAL_ENTER);
  ASSERT_TRUE(browser.navigate(tab, "demo://home").ok);
  ASSERT_TRUE(sb::testing::waitForState(browser, tab, TabState::kLoaded));
  EXPECT_TRUE(pageShows(browser, tab, "demo://tour")) << pageText(browser, tab);
  EXPECT_EQ(browser.tab(tab)->renderer_pid, renderer);
  EXPECT_TRUE(sb::testing::processAlive(renderer));
  EXPECT_EQ(browser.pendingCalls(), 0u);
  EXPECT_EQ(logged(browser, "call"), 1u) << "answered by the browser, never forwarded";
  EXPECT_EQ(logged(browser, "call_reply"), 1u);
}

TEST(DeadlockLesson, ARendererThreadDeadlocksAndIsRescuedTheSameWay) {
  Browser browser({.gpu_process = false, .process_model = ProcessModel::kSingleProcess});
  const int tab = openDeadlockPage(browser);
  press(browser, tab, wire::KeyInput::SPECIAL_ENTER);
  ASSERT_TRUE(waitUntil([&] { return !browser.deadlocks().empty(); }, 10s));
  EXPECT_EQ(browser.deadlocks().front().cycle, "renderer thread -> plugin ticker pid " +
                                                   std::to_string(tickerPid(browser)) +
                                                   " -> renderer thread");
  EXPECT_TRUE(pageShows(browser, tab, "Deadlock found and broken"));
}

}  // namespace
}  // namespace sb::browser
