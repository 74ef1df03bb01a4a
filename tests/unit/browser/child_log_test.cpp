#include "apps/browser/core/child_log.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

TEST(ChildLog, KeepsTheNewestLinesWithIncreasingIndexes) {
  ChildLog log(3);
  for (int i = 0; i < 5; ++i) {
    ChildLogEntry entry;
    entry.text = "line " + std::to_string(i);
    log.append(std::move(entry));
  }
  EXPECT_EQ(log.size(), 3u);
  EXPECT_EQ(log.lastIndex(), 5u);
  auto all = log.since(0, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all.front().text, "line 2");
  EXPECT_EQ(log.since(4, 10).size(), 1u);
  EXPECT_TRUE(log.since(5, 10).empty());
}

TEST(ChildLog, NamesEveryLevel) {
  EXPECT_STREQ(logLevelName(wire::LOG_LEVEL_WARN), "warn");
  EXPECT_STREQ(logLevelName(wire::LOG_LEVEL_CRITICAL), "critical");
  EXPECT_STREQ(logLevelName(static_cast<wire::LogLevel>(77)), "?");
}

}  // namespace
}  // namespace sb::browser
