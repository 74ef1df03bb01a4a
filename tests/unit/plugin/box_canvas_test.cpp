#include "apps/plugin/box_canvas.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "common/ipc/wire_limits.h"

namespace sb::plugin {
namespace {

using ipc::WireLimits;

TEST(BoxCanvas, ClipsRectsToTheBoxAndDropsWhatIsOutside) {
  BoxCanvas canvas(100, 50);
  canvas.fill(BoxRect{-10, -10, 30, 30}, 1);  // top-left corner sticks out
  canvas.fill(BoxRect{90, 40, 100, 100}, 2);  // bottom-right corner sticks out
  canvas.fill(BoxRect{100, 0, 10, 10}, 3);    // just right of the box
  canvas.fill(BoxRect{0, -5, 10, 5}, 4);      // just above it
  canvas.fill(BoxRect{10, 10, 0, 10}, 5);     // empty
  canvas.fill(BoxRect{10, 10, -4, 10}, 6);    // negative
  const wire::DisplayList list = std::move(canvas).finish(1);
  ASSERT_EQ(list.items_size(), 2);
  const wire::Rect& a = list.items(0).rect().rect();
  EXPECT_EQ((std::tuple{a.x(), a.y(), a.width(), a.height()}), (std::tuple{0, 0, 20, 20}));
  const wire::Rect& b = list.items(1).rect().rect();
  EXPECT_EQ((std::tuple{b.x(), b.y(), b.width(), b.height()}), (std::tuple{90, 40, 10, 10}));
}

TEST(BoxCanvas, SurvivesCoordinatesNearTheEdgeOfInt) {
  BoxCanvas canvas(4096, 4096);
  canvas.fill(BoxRect{2'147'483'000, 0, 2'000, 10}, 1);
  canvas.fill(BoxRect{-2'147'483'000, 0, 2'147'483'647, 10}, 1);
  const wire::DisplayList list = std::move(canvas).finish(1);
  ASSERT_EQ(list.items_size(), 1);
  EXPECT_EQ(list.items(0).rect().rect().x(), 0);
  EXPECT_EQ(list.items(0).rect().rect().width(), 647);
}

TEST(BoxCanvas, ClampsCornerRadiiAndPixelSizes) {
  BoxCanvas canvas(100, 100);
  canvas.fill(BoxRect{0, 0, 10, 20}, 1, 50);
  canvas.text(BoxRect{0, 0, 50, 50}, "tiny", TextLook{.pixel_size = 1});
  canvas.text(BoxRect{0, 0, 50, 50}, "huge", TextLook{.pixel_size = 5000});
  canvas.text(BoxRect{0, 0, 50, 50}, "", TextLook{});  // nothing to draw
  const wire::DisplayList list = std::move(canvas).finish(1);
  ASSERT_EQ(list.items_size(), 3);
  EXPECT_EQ(list.items(0).rect().corner_radius(), 5);
  EXPECT_EQ(list.items(1).text().pixel_size(), WireLimits::kMinPixelSize);
  EXPECT_EQ(list.items(2).text().pixel_size(), WireLimits::kMaxPixelSize);
}

TEST(BoxCanvas, CutsLongTextOnACharacterBoundary) {
  BoxCanvas canvas(100, 100);
  // "é" is two bytes; an odd limit would split one without the UTF-8 care.
  std::string text = "a";
  while (text.size() <= WireLimits::kMaxTextBytes + 10) text += "\xC3\xA9";
  canvas.text(BoxRect{0, 0, 100, 100}, text, TextLook{});
  const wire::DisplayList list = std::move(canvas).finish(1);
  const std::string& sent = list.items(0).text().text();
  EXPECT_LE(sent.size(), WireLimits::kMaxTextBytes);
  EXPECT_GE(sent.size(), WireLimits::kMaxTextBytes - 1);
  wire::DisplayList reparsed;
  EXPECT_TRUE(reparsed.ParseFromString(list.SerializeAsString())) << "still valid UTF-8";
}

TEST(BoxCanvas, StopsAtTheItemLimit) {
  BoxCanvas canvas(10, 10);
  for (size_t i = 0; i < WireLimits::kMaxDisplayItems + 50; ++i)
    canvas.fill(BoxRect{0, 0, 1, 1}, 1);
  EXPECT_EQ(static_cast<size_t>(std::move(canvas).finish(1).items_size()),
            WireLimits::kMaxDisplayItems);
}

TEST(BoxCanvas, FinishesAFrameOfTheBoxHeight) {
  BoxCanvas canvas(30, 70);
  canvas.setBackground(0xFF112233);
  const wire::DisplayList list = std::move(canvas).finish(9);
  EXPECT_EQ(list.frame_number(), 9u);
  EXPECT_EQ(list.content_height(), 70);
  EXPECT_EQ(list.scroll_y(), 0);
  EXPECT_TRUE(list.title().empty());
  EXPECT_EQ(list.background_argb(), 0xFF112233u);
}

}  // namespace
}  // namespace sb::plugin
