#include <gtest/gtest.h>

#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

TEST(Links, AClickOnALinkSendsOpenUrlWithItsHrefAndTab) {
  CoreHarness harness;
  harness.navigate(3, "demo://home");
  const wire::LinkArea* link = findLink(harness.lastList(3), "demo://news");
  ASSERT_NE(link, nullptr);
  harness.click(3, link->rect().x() + link->rect().width() / 2,
                link->rect().y() + link->rect().height() / 2);
  ASSERT_TRUE(harness.sent.back().has_open_url());
  EXPECT_EQ(harness.sent.back().open_url().url(), "demo://news");
  EXPECT_EQ(harness.sent.back().tab_id(), 3u);
}

TEST(Links, AClickBesideEveryLinkSendsNothing) {
  CoreHarness harness;
  harness.navigate(1, "demo://home");
  const size_t before = harness.sent.size();
  harness.click(1, 2, 2);  // the margin
  EXPECT_EQ(harness.sent.size(), before);
}

TEST(Links, ClicksAreInViewportCoordinatesAfterScrolling) {
  CoreHarness harness;
  harness.navigate(1, "demo://home", 1, 800, 300);
  harness.scroll(1, 250);
  const wire::DisplayList& list = harness.lastList(1);
  ASSERT_EQ(list.scroll_y(), 250);
  // Link areas in the list are already shifted; clicking where one is drawn must open it.
  const wire::LinkArea* link = nullptr;
  for (const auto& item : list.items()) {
    if (item.has_link() && item.link().rect().y() >= 0) {
      link = &item.link();
      break;
    }
  }
  ASSERT_NE(link, nullptr);
  const std::string href = link->href();
  harness.click(1, link->rect().x() + 1, link->rect().y() + 1);
  ASSERT_TRUE(harness.sent.back().has_open_url());
  EXPECT_EQ(harness.sent.back().open_url().url(), href);
}

TEST(Scrolling, ClampsToTheContent) {
  CoreHarness harness;
  harness.navigate(1, "demo://news", 1, 800, 400);
  const int content_height = harness.lastList(1).content_height();
  ASSERT_GT(content_height, 400);
  harness.scroll(1, 1'000'000);
  EXPECT_EQ(harness.lastList(1).scroll_y(), content_height - 400);
  harness.scroll(1, -2'000'000'000);
  EXPECT_EQ(harness.lastList(1).scroll_y(), 0);
  harness.scroll(1, 2'000'000'000);
  EXPECT_EQ(harness.lastList(1).scroll_y(), content_height - 400);
}

TEST(Scrolling, AScrollThatChangesNothingSendsNothing) {
  CoreHarness harness;
  harness.navigate(1, "demo://news", 1, 800, 400);
  const size_t before = harness.sent.size();
  harness.scroll(1, -50);
  EXPECT_EQ(harness.sent.size(), before);
}

TEST(Scrolling, AShortPageDoesNotScroll) {
  CoreHarness harness;
  harness.navigate(1, "demo://crash", 1, 1200, 5000);
  harness.scroll(1, 300);
  EXPECT_EQ(harness.lastList(1).scroll_y(), 0);
}

TEST(Scrolling, OffsetsItemsAndCullsThoseOutsideTheViewport) {
  CoreHarness harness;
  harness.navigate(1, "demo://news", 1, 800, 400);
  const wire::DisplayList top = harness.lastList(1);
  harness.scroll(1, 120);
  const wire::DisplayList scrolled = harness.lastList(1);
  EXPECT_EQ(scrolled.scroll_y(), 120);
  EXPECT_EQ(scrolled.frame_number(), top.frame_number() + 1);
  EXPECT_TRUE(respectsWireLimits(scrolled));
  for (const wire::DisplayList* list : {&top, &scrolled}) {
    for (const auto& item : list->items()) {
      const wire::Rect& rect = item.has_rect()   ? item.rect().rect()
                               : item.has_text() ? item.text().rect()
                               : item.has_link() ? item.link().rect()
                                                 : item.image().rect();
      EXPECT_GT(rect.y() + rect.height(), 0);
      EXPECT_LT(rect.y(), 400);
    }
  }
  // The masthead kicker is the first text at the top; scrolled by 120 it is culled or moved up.
  ASSERT_TRUE(top.items(0).has_text());
  const std::string first_text = top.items(0).text().text();
  for (const auto& item : scrolled.items()) {
    if (item.has_text() && item.text().text() == first_text) {
      EXPECT_EQ(item.text().rect().y(), top.items(0).text().rect().y() - 120);
    }
  }
  // Something below the first viewport shows up once scrolled.
  EXPECT_LT(top.items_size(), 1000);
  harness.scroll(1, 100000);
  const wire::DisplayList& bottom = harness.lastList(1);
  EXPECT_NE(allText(bottom), allText(top));
  EXPECT_NE(allText(bottom).find("Rendered by renderer pid"), std::string::npos);
  EXPECT_EQ(allText(top).find("Rendered by renderer pid"), std::string::npos);
}

TEST(Scrolling, ANewNavigationStartsAtTheTop) {
  CoreHarness harness;
  harness.navigate(1, "demo://news", 1, 800, 400);
  harness.scroll(1, 300);
  harness.navigate(1, "demo://news", 2, 800, 400);
  EXPECT_EQ(harness.lastList(1).scroll_y(), 0);
}

}  // namespace
}  // namespace sb::renderer::testing
