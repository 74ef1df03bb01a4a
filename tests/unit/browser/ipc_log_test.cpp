#include "apps/browser/core/ipc_log.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

TEST(IpcLog, KeepsTheNewestRecordsWithinItsCapacity) {
  IpcLog log(3);
  for (int i = 0; i < 5; ++i) log.append(IpcRecord{});
  EXPECT_EQ(log.size(), 3u);
  EXPECT_EQ(log.dropped(), 2u);
  EXPECT_EQ(log.lastIndex(), 5u);
  auto all = log.since(0, 100);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all.front().index, 3u);
  EXPECT_EQ(all.back().index, 5u);
}

TEST(IpcLog, SinceAndLimitSelectARange) {
  IpcLog log;
  for (int i = 0; i < 10; ++i) log.append(IpcRecord{});
  auto some = log.since(4, 3);
  ASSERT_EQ(some.size(), 3u);
  EXPECT_EQ(some[0].index, 5u);
  EXPECT_TRUE(log.since(10, 5).empty());
  EXPECT_TRUE(log.since(1000, 5).empty());
}

TEST(IpcLog, NamesTheBodyOfAnEnvelope) {
  wire::Envelope envelope;
  EXPECT_EQ(IpcLog::bodyName(envelope), "unknown");
  envelope.mutable_display_list();
  EXPECT_EQ(IpcLog::bodyName(envelope), "display_list");
}

}  // namespace
}  // namespace sb::browser
