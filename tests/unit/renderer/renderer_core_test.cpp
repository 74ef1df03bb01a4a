#include <string>

#include <gtest/gtest.h>

#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

using std::chrono::milliseconds;

TEST(RendererCore, EchoesTheNavigationIdAndSetsTheTabId) {
  CoreHarness harness;
  harness.navigate(12, "demo://home", 77);
  ASSERT_EQ(harness.sent.size(), 1u);
  EXPECT_EQ(harness.sent[0].tab_id(), 12u);
  EXPECT_EQ(harness.sent[0].display_list().navigation_id(), 77u);
  EXPECT_EQ(harness.sent[0].display_list().frame_number(), 1u);
}

TEST(RendererCore, FrameNumbersGrowWithinANavigation) {
  CoreHarness harness;
  harness.navigate(1, "demo://news", 3, 800, 300);
  harness.scroll(1, 100);
  harness.resize(1, 700, 300);
  EXPECT_EQ(harness.lastList(1).frame_number(), 3u);
  EXPECT_EQ(harness.lastList(1).navigation_id(), 3u);
}

TEST(RendererCore, MessagesARendererDoesNotReceiveAreReported) {
  CoreHarness harness;
  wire::Envelope envelope;
  EXPECT_EQ(harness.core.handle(envelope), HandleResult::kNotForRenderer);  // no body
  envelope.mutable_display_list();
  EXPECT_EQ(harness.core.handle(envelope), HandleResult::kNotForRenderer);
  envelope.mutable_hello();
  EXPECT_EQ(harness.core.handle(envelope), HandleResult::kNotForRenderer);
  envelope.mutable_open_url();
  EXPECT_EQ(harness.core.handle(envelope), HandleResult::kNotForRenderer);
  EXPECT_TRUE(harness.sent.empty());
}

TEST(RendererCore, InputAndResizeForAnUnknownTabAreIgnored) {
  CoreHarness harness;
  harness.navigate(1, "demo://home");
  harness.click(2, 10, 10);
  harness.scroll(2, 10);
  harness.type(2, "x");
  harness.resize(2, 100, 100);
  EXPECT_EQ(harness.sent.size(), 1u);
  EXPECT_EQ(harness.core.tabCount(), 1u);
}

TEST(RendererCore, ResizeLaysOutAgainForTheNewWidth) {
  CoreHarness harness;
  harness.navigate(1, "demo://home", 1, 1200, 800);
  const wire::DisplayList wide = harness.lastList(1);
  harness.resize(1, 320, 800);
  const wire::DisplayList& narrow = harness.lastList(1);
  EXPECT_EQ(narrow.frame_number(), 2u);
  EXPECT_GT(narrow.content_height(), wide.content_height());
  for (const auto& item : narrow.items()) {
    if (item.has_text()) {
      EXPECT_LE(item.text().rect().x() + item.text().rect().width(), 320);
    }
  }
  EXPECT_TRUE(respectsWireLimits(narrow));
}

TEST(RendererCore, ResizeKeepsTheScrollInsideTheNewBounds) {
  CoreHarness harness;
  harness.navigate(1, "demo://news", 1, 800, 400);
  harness.scroll(1, 1'000'000);
  harness.resize(1, 800, 100'000);
  EXPECT_EQ(harness.lastList(1).scroll_y(), 0);
}

TEST(RendererCore, AbsurdViewportSizesAreClamped) {
  CoreHarness harness;
  harness.navigate(1, "demo://home", 1, -5, 0);
  EXPECT_TRUE(respectsWireLimits(harness.lastList(1)));
  EXPECT_GT(harness.lastList(1).content_height(), 0);
  harness.resize(1, 2'000'000'000, 2'000'000'000);
  EXPECT_TRUE(respectsWireLimits(harness.lastList(1)));
}

TEST(RendererCore, TwoTabsKeepTheirOwnState) {
  CoreHarness harness;
  harness.navigate(1, "demo://form", 10);
  harness.navigate(2, "demo://clock", 20);
  EXPECT_EQ(harness.core.tabCount(), 2u);

  harness.press(1, wire::KeyInput::SPECIAL_TAB);  // focus the field
  harness.type(1, "only in tab one");
  harness.scheduler.advance(milliseconds(300));

  const wire::DisplayList& form = harness.lastList(1);
  const wire::DisplayList& clock = harness.lastList(2);
  EXPECT_EQ(form.navigation_id(), 10u);
  EXPECT_EQ(form.frame_number(), 3u);
  EXPECT_NE(allText(form).find("You typed: only in tab one"), std::string::npos);
  EXPECT_EQ(clock.navigation_id(), 20u);
  EXPECT_EQ(clock.frame_number(), 4u);
  EXPECT_EQ(allText(clock).find("only in tab one"), std::string::npos);

  // Navigating tab 2 away stops its clock and leaves tab 1 alone.
  harness.navigate(2, "demo://home", 21);
  EXPECT_EQ(harness.scheduler.activeTimers(), 0u);
  harness.type(1, "!");
  EXPECT_NE(allText(harness.lastList(1)).find("You typed: only in tab one!"), std::string::npos);
}

// A tab that leaves a shared renderer (process-per-site) takes its page and timers with it; the
// other tab goes on.
TEST(RendererCore, CloseTabDropsThatTabOnly) {
  CoreHarness harness;
  harness.navigate(1, "demo://clock", 1);
  harness.navigate(2, "demo://clock?x=1", 2);
  ASSERT_EQ(harness.scheduler.activeTimers(), 2u);
  wire::Envelope close;
  close.set_tab_id(1);
  close.mutable_close_tab();
  EXPECT_EQ(harness.core.handle(close), HandleResult::kHandled);
  EXPECT_EQ(harness.core.tabCount(), 1u);
  EXPECT_EQ(harness.scheduler.activeTimers(), 1u);
  const size_t lists_for_one = harness.listCount(1);
  const size_t lists_for_two = harness.listCount(2);
  harness.scheduler.advance(milliseconds(1000));
  EXPECT_EQ(harness.listCount(1), lists_for_one);
  EXPECT_GT(harness.listCount(2), lists_for_two);
  // Input for the closed tab is ignored like any unknown tab's; a Navigate starts it afresh.
  harness.click(1, 10, 10);
  EXPECT_EQ(harness.listCount(1), lists_for_one);
  harness.navigate(1, "demo://home", 3);
  EXPECT_EQ(harness.lastList(1).frame_number(), 1u);
  EXPECT_EQ(harness.core.tabCount(), 2u);
}

TEST(RendererCore, CloseTabForAnUnknownTabIsIgnored) {
  CoreHarness harness;
  harness.navigate(1, "demo://home");
  wire::Envelope close;
  close.set_tab_id(9);
  close.mutable_close_tab();
  EXPECT_EQ(harness.core.handle(close), HandleResult::kHandled);
  EXPECT_EQ(harness.core.tabCount(), 1u);
}

}  // namespace
}  // namespace sb::renderer::testing
