#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "apps/renderer/layout/display_list_assembler.h"
#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/wire_fit.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"
#include "common/ipc/wire_limits.h"
#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

std::vector<const wire::PluginBox*> pluginBoxes(const wire::DisplayList& list) {
  std::vector<const wire::PluginBox*> boxes;
  for (const auto& item : list.items()) {
    if (item.has_plugin()) boxes.push_back(&item.plugin());
  }
  return boxes;
}

// (type, box id) of every plugin box, in list order: what the browser keys instances by.
std::vector<std::pair<std::string, uint32_t>> boxIdentities(const wire::DisplayList& list) {
  std::vector<std::pair<std::string, uint32_t>> identities;
  for (const wire::PluginBox* box : pluginBoxes(list))
    identities.emplace_back(box->type(), box->box_id());
  return identities;
}

// The first DrawText whose text starts with `prefix`; nullptr when there is none.
const wire::DrawText* findTextStartingWith(const wire::DisplayList& list, std::string_view prefix) {
  for (const auto& item : list.items()) {
    if (item.has_text() && item.text().text().starts_with(prefix)) return &item.text();
  }
  return nullptr;
}

void clickOn(CoreHarness& harness, const wire::Rect& rect) {
  harness.click(1, rect.x() + rect.width() / 2, rect.y() + rect.height() / 2);
}

TEST(PluginPage, EmbedsATickerAndABallWithDistinctIdsInsideTheViewport) {
  for (const int width : {1024, 600, 360}) {
    CoreHarness harness;
    harness.navigate(1, "demo://plugin", 1, width, 20000);
    const wire::DisplayList& list = harness.lastList(1);
    const auto boxes = pluginBoxes(list);
    ASSERT_EQ(boxes.size(), 2u) << "width " << width;
    EXPECT_EQ(boxes[0]->type(), "ticker");
    EXPECT_EQ(boxes[0]->box_id(), kTickerBoxId);
    EXPECT_EQ(boxes[1]->type(), "ball");
    EXPECT_EQ(boxes[1]->box_id(), kBallBoxId);
    EXPECT_NE(boxes[0]->box_id(), boxes[1]->box_id());
    for (const wire::PluginBox* box : boxes) {
      EXPECT_GE(box->rect().x(), 0) << "width " << width;
      EXPECT_LE(box->rect().x() + box->rect().width(), width) << "width " << width;
      EXPECT_GE(box->rect().width(), 1);
      EXPECT_LE(box->rect().width(), kPluginBoxWidth);
      EXPECT_EQ(box->rect().height(), kPluginBoxHeight);
    }
    EXPECT_EQ(boxes[0]->rect().width(),
              std::min(kPluginBoxWidth, width - 2 * (width >= 600 ? 32 : 12)));
    // The two boxes do not overlap: each gets its own area of the page.
    EXPECT_LE(boxes[0]->rect().y() + boxes[0]->rect().height(), boxes[1]->rect().y());
    EXPECT_TRUE(respectsWireLimits(list)) << "width " << width;
  }
}

TEST(PluginPage, BoxIdsStayTheSameAcrossRelayoutScrollAndClicks) {
  CoreHarness harness;
  harness.navigate(1, "demo://plugin", 1, 1024, 400);
  const auto first = boxIdentities(harness.lastList(1));
  ASSERT_EQ(first.size(), 2u);
  const int ticker_y = pluginBoxes(harness.lastList(1))[0]->rect().y();

  harness.resize(1, 700, 500);
  EXPECT_EQ(boxIdentities(harness.lastList(1)), first);

  harness.click(1, 1, 1);  // the margin: nothing changes, nothing is sent
  harness.scroll(1, 300);
  const wire::DisplayList& scrolled = harness.lastList(1);
  ASSERT_EQ(scrolled.scroll_y(), 300);
  EXPECT_EQ(boxIdentities(scrolled), first);
  EXPECT_TRUE(respectsWireLimits(scrolled));

  // Scrolled far enough that the ticker is out of view, it is still in the list (shifted), so the
  // browser does not tear its plugin instance down and start a new one.
  harness.resize(1, 1024, 400);
  harness.scroll(1, 1'000'000);
  const wire::DisplayList& bottom = harness.lastList(1);
  EXPECT_EQ(boxIdentities(bottom), first);
  EXPECT_EQ(pluginBoxes(bottom)[0]->rect().y(), ticker_y - bottom.scroll_y());
  EXPECT_TRUE(respectsWireLimits(bottom));
}

TEST(PluginPage, TheButtonCountsClicksEvenAfterScrolling) {
  CoreHarness harness;
  harness.navigate(1, "demo://plugin", 1, 1024, 20000);
  const wire::DrawText* label = findTextStartingWith(harness.lastList(1), "Clicked");
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->text(), "Clicked 0 times");

  clickOn(harness, label->rect());
  label = findTextStartingWith(harness.lastList(1), "Clicked");
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->text(), "Clicked 1 time");

  clickOn(harness, label->rect());
  clickOn(harness, label->rect());
  EXPECT_EQ(findTextStartingWith(harness.lastList(1), "Clicked")->text(), "Clicked 3 times");

  // A click beside the button changes nothing.
  const size_t lists = harness.listCount(1);
  harness.click(1, 2, 2);
  EXPECT_EQ(harness.listCount(1), lists);

  // In a short viewport, scroll the button into view and click where it is drawn.
  harness.resize(1, 1024, 300);
  harness.scroll(1, 1'000'000);
  label = findTextStartingWith(harness.lastList(1), "Clicked");
  ASSERT_NE(label, nullptr);
  clickOn(harness, label->rect());
  EXPECT_EQ(findTextStartingWith(harness.lastList(1), "Clicked")->text(), "Clicked 4 times");
  EXPECT_TRUE(respectsWireLimits(harness.lastList(1)));
}

TEST(PluginPage, ExplainsProcessSharingAndHowToKillThePlugin) {
  CoreHarness harness;
  harness.navigate(1, "demo://plugin", 1, 1024, 20000);
  const std::string text = allText(harness.lastList(1));
  EXPECT_NE(text.find("shared by every tab"), std::string::npos);
  EXPECT_NE(text.find("NPAPI"), std::string::npos);
  EXPECT_NE(text.find("Process menu"), std::string::npos);
  EXPECT_NE(text.find("demo://plugincrash"), std::string::npos);
}

TEST(PluginCrashPage, SaysTheBrowserCrashesTheTickerAndEmbedsOne) {
  CoreHarness harness;
  harness.navigate(1, "demo://plugincrash", 1, 1024, 20000);
  const wire::DisplayList& list = harness.lastList(1);
  EXPECT_EQ(list.title(), "Plugin crash");
  const auto boxes = pluginBoxes(list);
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_EQ(boxes[0]->type(), "ticker");
  EXPECT_EQ(boxes[0]->box_id(), kTickerBoxId);
  EXPECT_NE(allText(list).find("browser tells the ticker plugin process to crash"),
            std::string::npos);
  EXPECT_TRUE(respectsWireLimits(list));
  // The renderer itself does nothing but draw: the crash is the browser's job.
  EXPECT_EQ(harness.timeline.size(), 1u);
}

TEST(GpuCrashPage, SaysTheBrowserCrashesTheGpuProcessAndWhatFollows) {
  CoreHarness harness;
  harness.navigate(1, "demo://gpucrash", 1, 1024, 20000);
  const wire::DisplayList& list = harness.lastList(1);
  EXPECT_EQ(list.title(), "GPU crash");
  EXPECT_TRUE(pluginBoxes(list).empty());
  const std::string text = allText(list);
  EXPECT_NE(text.find("chrome://gpucrash"), std::string::npos);
  EXPECT_NE(text.find("3 GPU crashes within a minute"), std::string::npos);
  EXPECT_NE(text.find("software rasterisation"), std::string::npos);
  EXPECT_TRUE(respectsWireLimits(list));
  EXPECT_EQ(harness.timeline.size(), 1u);
}

TEST(PluginBoxes, HomeLinksThePluginAndGpuPages) {
  CoreHarness harness;
  harness.navigate(1, "demo://home", 1, 1024, 20000);
  for (const char* href : {"demo://plugin", "demo://plugincrash", "demo://gpucrash"})
    EXPECT_NE(findLink(harness.lastList(1), href), nullptr) << href;
}

TEST(PluginBoxes, PageBuilderEmitsAPluginItem) {
  PageBuilder builder(1024);
  builder.pluginAt(Rect{10, 20, 300, 100}, "ball", 7);
  const PageLayout layout = builder.finish("t", 0);
  ASSERT_EQ(layout.items.size(), 1u);
  ASSERT_TRUE(layout.items[0].has_plugin());
  EXPECT_EQ(layout.items[0].plugin().type(), "ball");
  EXPECT_EQ(layout.items[0].plugin().box_id(), 7u);
  EXPECT_EQ(layout.items[0].plugin().rect().width(), 300);
}

TEST(PluginBoxes, BoxesTheBrowserWouldRefuseAreDropped) {
  const auto fits = [](std::string type, uint32_t id, int width, int height) {
    wire::DisplayItem item;
    auto* box = item.mutable_plugin();
    box->set_type(std::move(type));
    box->set_box_id(id);
    box->mutable_rect()->set_width(width);
    box->mutable_rect()->set_height(height);
    return fitToWireLimits(item);
  };
  EXPECT_TRUE(fits("ticker", 1, 560, 160));
  EXPECT_TRUE(fits("ball", 2, 1, 1));
  EXPECT_TRUE(
      fits("ball", 2, ipc::WireLimits::kMaxPluginBoxSide, ipc::WireLimits::kMaxPluginBoxSide));
  EXPECT_FALSE(fits("flash", 1, 560, 160));
  EXPECT_FALSE(fits("", 1, 560, 160));
  EXPECT_FALSE(fits("ticker", 0, 560, 160));
  EXPECT_FALSE(fits("ticker", 1, 0, 160));
  EXPECT_FALSE(fits("ticker", 1, 560, 0));
  EXPECT_FALSE(fits("ticker", 1, ipc::WireLimits::kMaxPluginBoxSide + 1, 160));
}

TEST(PluginBoxes, RepeatedIdsAndBoxesBeyondTheLimitAreDropped) {
  PageBuilder builder(1024);
  builder.pluginAt(Rect{0, 0, 100, 100}, "ticker", 1);
  builder.pluginAt(Rect{0, 200, 100, 100}, "ball", 1);  // the same id again
  for (uint32_t id = 2; id < 20; ++id) builder.pluginAt(Rect{0, 0, 10, 10}, "ball", id);
  const wire::DisplayList list = assembleDisplayList(
      builder.finish("t", 0), ViewportState{.height = 400, .scroll_y = 0}, 1, 1);
  ASSERT_EQ(list.items_size(), ipc::WireLimits::kMaxPluginBoxes);
  EXPECT_EQ(list.items(0).plugin().type(), "ticker");
  EXPECT_EQ(list.items(1).plugin().box_id(), 2u);
  EXPECT_TRUE(respectsWireLimits(list));
}

TEST(PluginBoxes, OffscreenBoxesAreKeptWhileOtherItemsAreCulled) {
  PageBuilder builder(1024);
  builder.fillAt(Rect{0, 5000, 10, 10}, BoxStyle{});
  builder.pluginAt(Rect{0, 5000, 100, 100}, "ticker", 1);
  const wire::DisplayList list = assembleDisplayList(
      builder.finish("t", 0), ViewportState{.height = 400, .scroll_y = 0}, 1, 1);
  ASSERT_EQ(list.items_size(), 1);
  EXPECT_TRUE(list.items(0).has_plugin());
}

}  // namespace
}  // namespace sb::renderer::testing
