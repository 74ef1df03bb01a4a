#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <tuple>

#include "tests/unit/plugin/plugin_test_support.h"

namespace sb::plugin::testing {
namespace {

using std::chrono::milliseconds;

struct FrameCase {
  PluginType type;
  int width;
  int height;
};

void PrintTo(const FrameCase& c, std::ostream* os) {
  *os << pluginTypeName(c.type) << " " << c.width << "x" << c.height;
}

class EveryBoxSize : public ::testing::TestWithParam<FrameCase> {};

TEST_P(EveryBoxSize, FramesStayInsideTheBoxAndTheWireLimits) {
  const FrameCase& box = GetParam();
  CoreHarness harness(box.type);
  harness.create(1, box.width, box.height);
  // Long enough for the ball to bounce off every wall and the ticker's chart to fill up.
  for (int i = 0; i < 120; ++i) {
    harness.tick(milliseconds(100 * i));
    if (i % 40 == 20) harness.click(1, box.width / 2, box.height / 2);
  }
  const auto frames = harness.framesFor(1);
  ASSERT_EQ(frames.size(), 1u + 120u + 3u);
  for (const wire::PluginFrame& frame : frames) {
    ASSERT_TRUE(frameFitsBox(frame, box.width, box.height))
        << "frame " << frame.content().frame_number();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Plugin, EveryBoxSize,
    ::testing::Values(
        FrameCase{PluginType::kTicker, 1, 1}, FrameCase{PluginType::kBall, 1, 1},
        FrameCase{PluginType::kTicker, 3, 2}, FrameCase{PluginType::kBall, 2, 3},
        FrameCase{PluginType::kTicker, 560, 160}, FrameCase{PluginType::kBall, 560, 160},
        FrameCase{PluginType::kTicker, 90, 40}, FrameCase{PluginType::kBall, 7, 300},
        FrameCase{PluginType::kTicker, 4096, 1}, FrameCase{PluginType::kBall, 1, 4096},
        FrameCase{PluginType::kTicker, 4096, 4096}, FrameCase{PluginType::kBall, 4096, 4096}));

// The price lines of a ticker frame: its text without the frame counter.
std::string prices(const wire::PluginFrame& frame) {
  std::string text;
  for (const auto& item : frame.content().items()) {
    if (item.has_text() && !item.text().text().starts_with("frame "))
      text += item.text().text() + "\n";
  }
  return text;
}

TEST(Ticker, PricesMoveWhileItRunsAndEveryFrameDiffers) {
  CoreHarness harness(PluginType::kTicker);
  harness.create(1);
  for (int i = 0; i < 10; ++i) harness.tick(milliseconds(100 * i));
  const auto frames = harness.framesFor(1);
  std::set<std::string> distinct_prices;
  for (size_t i = 0; i < frames.size(); ++i) {
    distinct_prices.insert(prices(frames[i]));
    if (i > 0) {
      EXPECT_NE(frames[i].content().SerializeAsString(),
                frames[i - 1].content().SerializeAsString());
    }
  }
  // A step every 250 ms: 900 ms of ticks give 3 moves, so at least 3 different price boards.
  EXPECT_GE(distinct_prices.size(), 3u);
  const std::string text = allText(frames.back().content());
  EXPECT_NE(text.find("SBX"), std::string::npos);
  EXPECT_NE(text.find("LIVE"), std::string::npos);
  EXPECT_NE(text.find("frame 11"), std::string::npos);
  EXPECT_TRUE(text.find("\xE2\x96\xB2") != std::string::npos ||
              text.find("\xE2\x96\xBC") != std::string::npos)
      << "an up or down arrow";
}

TEST(Ticker, DrawsABarChartOfRecentPrices) {
  CoreHarness harness(PluginType::kTicker);
  harness.create(1, 560, 160);
  for (int i = 0; i < 100; ++i) harness.tick(milliseconds(100 * i));
  int bars = 0;
  for (const auto& item : harness.lastFrame().content().items()) {
    // The bars: small filled rects in the trend colours.
    if (item.has_rect() && item.rect().rect().width() < 20 &&
        (item.rect().argb() == 0xFF2ECC71 || item.rect().argb() == 0xFFE74C3C))
      ++bars;
  }
  EXPECT_GE(bars, 30);
}

TEST(Ticker, AClickPausesThePricesAndTheNextResumesThem) {
  CoreHarness harness(PluginType::kTicker);
  harness.create(1);
  harness.tick(milliseconds(0));
  harness.click(1);
  const wire::PluginFrame paused = harness.lastFrame();
  EXPECT_NE(allText(paused.content()).find("PAUSED"), std::string::npos) << "shown at once";
  for (int i = 1; i <= 10; ++i) harness.tick(milliseconds(100 * i));
  EXPECT_EQ(prices(harness.lastFrame()), prices(paused)) << "no price moves while paused";
  EXPECT_GT(harness.lastFrame().content().frame_number(), paused.content().frame_number())
      << "frames keep coming: the process is alive";

  harness.click(1);
  EXPECT_NE(allText(harness.lastFrame().content()).find("LIVE"), std::string::npos);
  for (int i = 11; i <= 20; ++i) harness.tick(milliseconds(100 * i));
  EXPECT_NE(prices(harness.lastFrame()), prices(paused));
}

// The ball is the last item: the only rect drawn round.
const wire::FillRect& ball(const wire::PluginFrame& frame) {
  return frame.content().items(frame.content().items_size() - 1).rect();
}

TEST(Ball, IsARoundRectThatMovesAndBouncesInsideTheBox) {
  CoreHarness harness(PluginType::kBall);
  harness.create(1, 560, 160);
  std::set<std::pair<int, int>> positions;
  for (int i = 0; i < 50; ++i) {
    harness.tick(milliseconds(100 * i));
    const wire::FillRect& disc = ball(harness.lastFrame());
    EXPECT_EQ(disc.corner_radius(), disc.rect().width() / 2);
    EXPECT_EQ(disc.rect().width(), disc.rect().height());
    EXPECT_EQ(disc.rect().width(), 40);
    positions.emplace(disc.rect().x(), disc.rect().y());
  }
  EXPECT_GE(positions.size(), 45u) << "it moves on nearly every frame";
  EXPECT_NE(allText(harness.lastFrame().content()).find("frame 51"), std::string::npos);
}

TEST(Ball, AClickChangesItsColour) {
  CoreHarness harness(PluginType::kBall);
  harness.create(1);
  std::set<uint32_t> colours{ball(harness.lastFrame()).argb()};
  for (int i = 0; i < 5; ++i) {
    const uint32_t before = ball(harness.lastFrame()).argb();
    harness.click(1, 100, 50);
    EXPECT_NE(ball(harness.lastFrame()).argb(), before);
    colours.insert(ball(harness.lastFrame()).argb());
  }
  EXPECT_EQ(colours.size(), 6u);
}

TEST(Ball, TwoInstancesDoNotMoveInLockstep) {
  CoreHarness harness(PluginType::kBall);
  harness.create(1);
  harness.create(2);
  harness.tick(milliseconds(0));
  const auto first = harness.framesFor(1).back();
  const auto second = harness.framesFor(2).back();
  EXPECT_NE(ball(first).rect().x() * 10000 + ball(first).rect().y(),
            ball(second).rect().x() * 10000 + ball(second).rect().y());
}

}  // namespace
}  // namespace sb::plugin::testing
