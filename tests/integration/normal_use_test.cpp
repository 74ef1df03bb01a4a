// The rate limit against real renderers doing ordinary things: twenty animating clocks, a burst
// of typing and a fast scroll through an image-heavy page must never be throttled, let alone
// taken for a flood.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "apps/browser/core/browser.h"
#include "tests/integration/tab_waits.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::keepsAnimating;
using sb::testing::openLoaded;
using sb::testing::pageText;
using sb::testing::waitUntil;

wire::InputEvent key(const std::string& text,
                     wire::KeyInput::Special special = wire::KeyInput::SPECIAL_NONE) {
  wire::InputEvent event;
  event.mutable_key()->set_text(text);
  event.mutable_key()->set_special(special);
  return event;
}

TEST(NormalUse, NeverTripsTheRateLimit) {
  // This is about the rate limit, not the hang monitor: 22 renderers relaying out on a busy (or
  // sanitizer-instrumented) 2-core machine may take longer than the usual 3 s to answer a ping.
  Browser browser({.unresponsive_after = std::chrono::seconds(15)});
  std::vector<int> clocks;
  for (int i = 0; i < 20; ++i) clocks.push_back(openLoaded(browser, "demo://clock"));
  const int form = openLoaded(browser, "demo://form");
  const int news = openLoaded(browser, "demo://news");

  // 200 keys as fast as the browser can send them: 200 lists come straight back.
  browser.sendInput(form, key("", wire::KeyInput::SPECIAL_TAB));
  for (int i = 0; i < 200; ++i)
    browser.sendInput(form, key(std::string(1, static_cast<char>('a' + i % 26))));
  // A flick on a touchpad: 150 small scroll steps down the news page, then back up.
  for (int i = 0; i < 300; ++i) {
    wire::InputEvent scroll;
    scroll.mutable_scroll()->set_delta_y(i < 150 ? 15 : -15);
    browser.sendInput(news, scroll);
  }
  sb::testing::spinFor(3s);

  for (int tab : clocks) {
    EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded) << "clock tab " << tab;
    EXPECT_TRUE(keepsAnimating(browser, tab, 2, 2s)) << "clock tab " << tab;
  }
  EXPECT_EQ(browser.tab(form)->state, TabState::kLoaded);
  EXPECT_EQ(browser.tab(news)->state, TabState::kLoaded);
  EXPECT_NE(pageText(browser, form)
                .find("You typed: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"),
            std::string::npos);
  for (const ProcessHost* host : browser.renderers()) {
    EXPECT_EQ(browser.throttledMessages(host), 0u) << "renderer pid " << host->pid();
  }
}

}  // namespace
}  // namespace sb::browser
