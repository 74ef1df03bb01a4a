#include "apps/browser/core/page_compositor.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

using State = PluginHosts::BoxContent::State;

wire::DisplayList pageWithBox() {
  wire::DisplayList page;
  page.set_title("page");
  page.add_items()->mutable_text()->set_text("before");
  auto* box = page.add_items()->mutable_plugin();
  box->set_type("ticker");
  box->set_box_id(1);
  box->mutable_rect()->set_x(100);
  box->mutable_rect()->set_y(200);
  box->mutable_rect()->set_width(300);
  box->mutable_rect()->set_height(100);
  page.add_items()->mutable_text()->set_text("after");
  return page;
}

PluginHosts::BoxContent live(const wire::DisplayList& content) {
  return {State::kLive, std::make_shared<const wire::DisplayList>(content), {}};
}

TEST(PageCompositor, PluginContentIsTranslatedIntoTheBoxClippedAndPaintedBeforeLaterItems) {
  wire::DisplayList content;
  auto* inside = content.add_items()->mutable_rect();
  inside->mutable_rect()->set_x(10);
  inside->mutable_rect()->set_y(10);
  inside->mutable_rect()->set_width(20);
  inside->mutable_rect()->set_height(20);
  auto* overflowing = content.add_items()->mutable_rect();
  overflowing->mutable_rect()->set_x(250);
  overflowing->mutable_rect()->set_y(-50);
  overflowing->mutable_rect()->set_width(500);
  overflowing->mutable_rect()->set_height(500);
  auto* outside = content.add_items()->mutable_rect();
  outside->mutable_rect()->set_x(1000);
  outside->mutable_rect()->set_width(10);
  outside->mutable_rect()->set_height(10);

  const wire::DisplayList shown = composePage(pageWithBox(), [&](uint32_t) { return live(content); });
  // before, box, background, inside, overflowing (clipped), after; `outside` is gone.
  ASSERT_EQ(shown.items_size(), 6);
  EXPECT_EQ(shown.items(0).text().text(), "before");
  EXPECT_TRUE(shown.items(1).has_plugin());
  EXPECT_EQ(shown.items(2).rect().rect().x(), 100);  // the box's background
  EXPECT_EQ(shown.items(3).rect().rect().x(), 110);
  EXPECT_EQ(shown.items(3).rect().rect().y(), 210);
  const auto& clipped = shown.items(4).rect().rect();
  EXPECT_EQ(clipped.x(), 350);
  EXPECT_EQ(clipped.y(), 200);
  EXPECT_EQ(clipped.x() + clipped.width(), 400);
  EXPECT_EQ(clipped.y() + clipped.height(), 300);
  EXPECT_EQ(shown.items(5).text().text(), "after");
  EXPECT_EQ(shown.title(), "page");
}

TEST(PageCompositor, ACrashedPluginGetsThePlaceholder) {
  const wire::DisplayList shown = composePage(pageWithBox(), [](uint32_t) {
    return PluginHosts::BoxContent{State::kCrashed, nullptr, QStringLiteral("killed by SIGKILL (9)")};
  });
  std::string text;
  for (const auto& item : shown.items()) {
    if (item.has_text()) text += item.text().text() + "|";
  }
  EXPECT_NE(text.find("ticker plugin crashed"), std::string::npos) << text;
  EXPECT_NE(text.find("killed by SIGKILL (9)"), std::string::npos) << text;
}

TEST(PageCompositor, AStartingPluginAddsNothing) {
  const wire::DisplayList shown =
      composePage(pageWithBox(), [](uint32_t) { return PluginHosts::BoxContent{}; });
  EXPECT_EQ(shown.items_size(), 3);
}

}  // namespace
}  // namespace sb::browser
