// Plugin processes with real children: one per type shared by every tab, a crash that costs
// only the boxes of that type, a reload that brings them back.

#include <signal.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>

#include "tests/integration/tab_waits.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::openLoaded;
using sb::testing::waitUntil;
using BoxState = PluginHosts::BoxContent::State;

constexpr uint32_t kTickerBox = 1;
constexpr uint32_t kBallBox = 2;

std::optional<PluginHosts::TypeInfo> pluginInfo(const Browser& browser, const std::string& type) {
  for (const auto& info : browser.plugins().types()) {
    if (info.type == type) return info;
  }
  return std::nullopt;
}

pid_t pluginPid(const Browser& browser, const std::string& type) {
  auto info = pluginInfo(browser, type);
  return info && info->process && !info->crashed ? info->process->pid() : -1;
}

bool boxIs(const Browser& browser, int tab, uint32_t box, BoxState state) {
  return browser.plugins().content(tab, box).state == state;
}

bool waitForBox(const Browser& browser, int tab, uint32_t box, BoxState state) {
  return waitUntil([&] { return boxIs(browser, tab, box, state); }, 10s);
}

// Every DrawText of what the tab shows (the page with its plugins' content).
std::string shownText(const Browser& browser, int tab) {
  std::string text;
  const Tab* t = browser.tab(tab);
  if (!t || !t->composed) return text;
  for (const auto& item : t->composed->items()) {
    if (item.has_text()) text += item.text().text() + "\n";
  }
  return text;
}

const wire::PluginBox* boxIn(const Browser& browser, int tab, uint32_t box_id) {
  const Tab* t = browser.tab(tab);
  if (!t || !t->display_list) return nullptr;
  for (const auto& item : t->display_list->items()) {
    if (item.has_plugin() && item.plugin().box_id() == box_id) return &item.plugin();
  }
  return nullptr;
}

void click(Browser& browser, int tab, int x, int y) {
  wire::InputEvent input;
  input.mutable_click()->set_x(x);
  input.mutable_click()->set_y(y);
  browser.sendInput(tab, input);
}

// The page's own "Clicked N times" button, found by its text.
const wire::DrawText* counterButton(const Browser& browser, int tab) {
  const Tab* t = browser.tab(tab);
  if (!t || !t->display_list) return nullptr;
  for (const auto& item : t->display_list->items()) {
    if (item.has_text() && item.text().text().starts_with("Clicked ")) return &item.text();
  }
  return nullptr;
}

// Scrolls the button into view (the renderer scrolls and lays out again), then clicks it.
bool clickCounter(Browser& browser, int tab) {
  wire::InputEvent scroll;
  scroll.mutable_scroll()->set_delta_y(400);
  browser.sendInput(tab, scroll);
  if (!waitUntil([&] { return counterButton(browser, tab) != nullptr; })) return false;
  const auto& r = counterButton(browser, tab)->rect();
  click(browser, tab, r.x() + r.width() / 2, r.y() + r.height() / 2);
  return true;
}

class PluginTest : public ::testing::Test {
 protected:
  Browser browser_{Browser::Options{.gpu_process = false}};
};

TEST_F(PluginTest, OneProcessPerTypeServesEveryTab) {
  const int a = openLoaded(browser_, "demo://plugin");
  const int b = openLoaded(browser_, "demo://plugin");
  for (int tab : {a, b}) {
    ASSERT_TRUE(waitForBox(browser_, tab, kTickerBox, BoxState::kLive)) << "tab " << tab;
    ASSERT_TRUE(waitForBox(browser_, tab, kBallBox, BoxState::kLive)) << "tab " << tab;
  }
  const auto ticker = pluginInfo(browser_, "ticker");
  ASSERT_TRUE(ticker.has_value());
  EXPECT_EQ(ticker->instances, 2);
  EXPECT_EQ(pluginInfo(browser_, "ball")->instances, 2);
  EXPECT_EQ(browser_.plugins().types().size(), 2u);
  // The plugin's content is in what the tab shows, never in what the renderer sent.
  EXPECT_NE(shownText(browser_, a).find("frame "), std::string::npos);
  EXPECT_EQ(sb::testing::pageText(browser_, a).find("frame "), std::string::npos);
}

TEST_F(PluginTest, KillingThePluginBlanksItsBoxesInEveryTabAndNothingElse) {
  const int a = openLoaded(browser_, "demo://plugin");
  const int b = openLoaded(browser_, "demo://plugin");
  const int home = openLoaded(browser_, "demo://home");
  for (int tab : {a, b}) ASSERT_TRUE(waitForBox(browser_, tab, kTickerBox, BoxState::kLive));
  const std::map<int, qint64> renderers{{a, browser_.tab(a)->renderer_pid},
                                        {b, browser_.tab(b)->renderer_pid},
                                        {home, browser_.tab(home)->renderer_pid}};
  const pid_t ticker = pluginPid(browser_, "ticker");
  ASSERT_GT(ticker, 0);
  ASSERT_EQ(::kill(ticker, SIGKILL), 0);

  for (int tab : {a, b}) {
    ASSERT_TRUE(waitForBox(browser_, tab, kTickerBox, BoxState::kCrashed)) << "tab " << tab;
    EXPECT_TRUE(waitUntil([&] { return shownText(browser_, tab).find("ticker plugin crashed") != std::string::npos; }))
        << shownText(browser_, tab);
    EXPECT_TRUE(waitForBox(browser_, tab, kBallBox, BoxState::kLive)) << "the ball plugin went down too";
  }
  for (const auto& [tab, pid] : renderers) {
    EXPECT_EQ(browser_.tab(tab)->state, TabState::kLoaded) << "tab " << tab;
    EXPECT_EQ(browser_.tab(tab)->renderer_pid, pid) << "tab " << tab;
  }
  EXPECT_EQ(pluginInfo(browser_, "ticker")->crashes, 1);
  EXPECT_TRUE(pluginInfo(browser_, "ticker")->crash_reason.contains("SIGKILL"));

  // The pages around the boxes still answer: the renderer counts a click on its own button.
  ASSERT_TRUE(clickCounter(browser_, a));
  EXPECT_TRUE(waitUntil([&] { return sb::testing::pageText(browser_, a).find("Clicked 1 time") != std::string::npos; }))
      << sb::testing::pageText(browser_, a);
}

TEST_F(PluginTest, ClickingThePlaceholderRestartsThePluginForEveryTab) {
  const int a = openLoaded(browser_, "demo://plugin");
  const int b = openLoaded(browser_, "demo://plugin");
  for (int tab : {a, b}) ASSERT_TRUE(waitForBox(browser_, tab, kTickerBox, BoxState::kLive));
  const pid_t first = pluginPid(browser_, "ticker");
  ASSERT_EQ(::kill(first, SIGKILL), 0);
  for (int tab : {a, b}) ASSERT_TRUE(waitForBox(browser_, tab, kTickerBox, BoxState::kCrashed));

  const wire::PluginBox* box = boxIn(browser_, b, kTickerBox);
  ASSERT_NE(box, nullptr);
  click(browser_, b, box->rect().x() + 20, box->rect().y() + 20);
  for (int tab : {a, b}) EXPECT_TRUE(waitForBox(browser_, tab, kTickerBox, BoxState::kLive)) << "tab " << tab;
  const pid_t second = pluginPid(browser_, "ticker");
  EXPECT_GT(second, 0);
  EXPECT_NE(second, first);
  EXPECT_EQ(pluginInfo(browser_, "ticker")->instances, 2);
}

TEST_F(PluginTest, PluginCrashPageCrashesTheTickerAndShowsThePlaceholder) {
  const int plugin = openLoaded(browser_, "demo://plugin");
  ASSERT_TRUE(waitForBox(browser_, plugin, kTickerBox, BoxState::kLive));
  const int crash = openLoaded(browser_, "demo://plugincrash");
  for (int tab : {plugin, crash}) {
    EXPECT_TRUE(waitForBox(browser_, tab, kTickerBox, BoxState::kCrashed)) << "tab " << tab;
  }
  EXPECT_TRUE(pluginInfo(browser_, "ticker")->crash_reason.contains("SIGSEGV"))
      << pluginInfo(browser_, "ticker")->crash_reason.toStdString();
  EXPECT_TRUE(waitForBox(browser_, plugin, kBallBox, BoxState::kLive));
}

TEST_F(PluginTest, PluginCrashPageAsTheFirstEmbedderStillCrashesIt) {
  const int crash = openLoaded(browser_, "demo://plugincrash");
  EXPECT_TRUE(waitForBox(browser_, crash, kTickerBox, BoxState::kCrashed));
  EXPECT_EQ(pluginInfo(browser_, "ticker")->crashes, 1);
}

TEST_F(PluginTest, ClosingTheTabsDestroysTheirInstances) {
  const int a = openLoaded(browser_, "demo://plugin");
  ASSERT_TRUE(waitForBox(browser_, a, kTickerBox, BoxState::kLive));
  ASSERT_TRUE(browser_.closeTab(a).ok);
  EXPECT_EQ(pluginInfo(browser_, "ticker")->instances, 0);
  EXPECT_EQ(pluginInfo(browser_, "ball")->instances, 0);
}

}  // namespace
}  // namespace sb::browser

namespace sb::browser {
namespace {

TEST(PluginHang, AHungPluginIsKilledAndItsBoxesShowThePlaceholder) {
  using namespace std::chrono_literals;
  Browser browser({.heartbeat_interval = 200ms, .unresponsive_after = 1s, .gpu_process = false});
  const int tab = sb::testing::openLoaded(browser, "demo://plugin");
  ASSERT_TRUE(waitForBox(browser, tab, kTickerBox, BoxState::kLive));
  ASSERT_TRUE(browser.plugins().sendFault("ticker", wire::DebugFault::KIND_HANG));
  ASSERT_TRUE(waitForBox(browser, tab, kTickerBox, BoxState::kCrashed));
  EXPECT_TRUE(pluginInfo(browser, "ticker")->crash_reason.contains("stopped answering"))
      << pluginInfo(browser, "ticker")->crash_reason.toStdString();
  EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded);
  EXPECT_TRUE(boxIs(browser, tab, kBallBox, BoxState::kLive));
}

}  // namespace
}  // namespace sb::browser
