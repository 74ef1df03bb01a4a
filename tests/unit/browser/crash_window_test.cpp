#include "apps/browser/core/crash_window.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

constexpr uint64_t kSecond = 1'000'000'000;

TEST(CrashWindow, TheThirdCrashInsideTheWindowReachesTheLimit) {
  CrashWindow window(3, std::chrono::seconds(60));
  EXPECT_FALSE(window.recordCrash(1 * kSecond));
  EXPECT_FALSE(window.recordCrash(2 * kSecond));
  EXPECT_TRUE(window.recordCrash(3 * kSecond));
  EXPECT_EQ(window.totalCrashes(), 3);
}

TEST(CrashWindow, CrashesOlderThanTheWindowAreForgiven) {
  CrashWindow window(3, std::chrono::seconds(60));
  window.recordCrash(0);
  window.recordCrash(10 * kSecond);
  EXPECT_EQ(window.recentCrashes(65 * kSecond), 1);
  EXPECT_FALSE(window.recordCrash(100 * kSecond));
  EXPECT_EQ(window.totalCrashes(), 3);
}

TEST(CrashWindow, ForgiveAllStartsAfresh) {
  CrashWindow window(2, std::chrono::seconds(60));
  window.recordCrash(kSecond);
  window.forgiveAll();
  EXPECT_FALSE(window.recordCrash(2 * kSecond));
}

}  // namespace
}  // namespace sb::browser
