#include <string>

#include <gtest/gtest.h>

#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

using std::chrono::milliseconds;

TEST(ClockPage, ShowsTheTimeTheFrameAndThePid) {
  CoreHarness harness;
  harness.clock.time = WallTime{9, 5, 7, 340};
  harness.navigate(1, "demo://clock");
  const std::string text = allText(harness.lastList(1));
  EXPECT_NE(text.find("09:05:07.3"), std::string::npos) << text;
  EXPECT_NE(text.find("Frame 1"), std::string::npos);
  EXPECT_NE(text.find("pid 4242"), std::string::npos);
  EXPECT_NE(text.find("7.3 of 60 seconds"), std::string::npos);
}

TEST(ClockPage, EveryTickSendsANewListWithAHigherFrameNumber) {
  CoreHarness harness;
  harness.navigate(1, "demo://clock", 5);
  EXPECT_EQ(harness.lastList(1).frame_number(), 1u);
  harness.clock.time.millisecond = 600;
  harness.scheduler.advance(milliseconds(100));
  EXPECT_EQ(harness.listCount(1), 2u);
  harness.scheduler.advance(milliseconds(1000));
  EXPECT_EQ(harness.listCount(1), 12u);
  const wire::DisplayList& list = harness.lastList(1);
  EXPECT_EQ(list.frame_number(), 12u);
  EXPECT_EQ(list.navigation_id(), 5u);
  EXPECT_NE(allText(list).find("13:37:42.6"), std::string::npos);
  EXPECT_NE(allText(list).find("Frame 12"), std::string::npos);
}

TEST(ClockPage, TheTimerStopsWhenTheTabNavigatesAway) {
  CoreHarness harness;
  harness.navigate(1, "demo://clock");
  EXPECT_EQ(harness.scheduler.activeTimers(), 1u);
  harness.navigate(1, "demo://home", 2);
  EXPECT_EQ(harness.scheduler.activeTimers(), 0u);
  const size_t sent = harness.sent.size();
  harness.scheduler.advance(milliseconds(1000));
  EXPECT_EQ(harness.sent.size(), sent);
}

TEST(ClockPage, NavigatingToTheClockAgainRestartsFramesAtOne) {
  CoreHarness harness;
  harness.navigate(1, "demo://clock", 1);
  harness.scheduler.advance(milliseconds(500));
  harness.navigate(1, "demo://clock", 2);
  EXPECT_EQ(harness.lastList(1).frame_number(), 1u);
  EXPECT_EQ(harness.lastList(1).navigation_id(), 2u);
  EXPECT_EQ(harness.scheduler.activeTimers(), 1u);
}

}  // namespace
}  // namespace sb::renderer::testing
