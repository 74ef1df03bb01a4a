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

IpcRecord message(pid_t pid, bool incoming, uint64_t seq, uint64_t time_ns, uint64_t reply_to = 0) {
  IpcRecord record;
  record.pid = pid;
  record.incoming = incoming;
  record.seq = seq;
  record.time_ns = time_ns;
  record.reply_to = reply_to;
  return record;
}

TEST(IpcLog, TimesAReplyFromTheRequestItAnswers) {
  IpcLog log;
  log.append(message(10, false, 7, 1'000));         // ping to 10
  log.append(message(11, true, 7, 1'500));          // same seq, other process: not the request
  log.append(message(10, true, 3, 4'000, 7));       // pong from 10
  log.append(message(10, true, 4, 5'000, 99));      // answers nothing logged
  auto all = log.since(0, 10);
  EXPECT_EQ(all[2].latency_ns, 3'000u);
  EXPECT_EQ(all[3].latency_ns, 0u);
  EXPECT_EQ(all[0].latency_ns, 0u);
}

TEST(IpcLog, MarksTheRejectedMessageOrAddsAMalformedFrame) {
  IpcLog log;
  log.append(message(10, true, 1, 100));
  log.append(message(10, false, 1, 200));
  log.markBad(10, wire::PROCESS_KIND_RENDERER, "a renderer may not send navigate", true);
  auto all = log.since(0, 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].note, "a renderer may not send navigate");  // the last one *from* pid 10
  EXPECT_FALSE(all[1].bad());

  log.markBad(10, wire::PROCESS_KIND_RENDERER, "frame of 99999999 bytes", false);
  all = log.since(0, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].kind, "malformed frame");
  EXPECT_TRUE(all[2].incoming);
  EXPECT_EQ(all[2].note, "frame of 99999999 bytes");
}

TEST(IpcLog, KeepsBodiesWithinItsByteBudgetOldestReleasedFirst) {
  IpcLog log(IpcLog::Limits{.capacity = 100, .max_payload_bytes = 1000, .payload_budget_bytes = 2500});
  for (int i = 0; i < 5; ++i) {
    IpcRecord record;
    record.payload = std::make_shared<const std::string>(1000, 'x');
    log.append(std::move(record));
  }
  EXPECT_LE(log.payloadBytes(), 2500u);
  auto all = log.since(0, 10);
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].payload, nullptr);
  EXPECT_EQ(all[2].payload, nullptr);
  ASSERT_NE(all[3].payload, nullptr);
  ASSERT_NE(all[4].payload, nullptr);
}

TEST(IpcLog, DropsBodiesLargerThanItKeeps) {
  wire::Envelope envelope;
  envelope.mutable_log_record()->set_text(std::string(2000, 'a'));
  EXPECT_EQ(IpcLog::serialize(envelope, 100), nullptr);
  auto kept = IpcLog::serialize(envelope, 10'000);
  ASSERT_NE(kept, nullptr);
  wire::Envelope back;
  ASSERT_TRUE(back.ParseFromString(*kept));
  EXPECT_EQ(back.log_record().text().size(), 2000u);
}

TEST(IpcLog, PayloadAccountingFollowsRecordsOutOfTheRing) {
  IpcLog log(IpcLog::Limits{.capacity = 2, .max_payload_bytes = 1000, .payload_budget_bytes = 1 << 20});
  for (int i = 0; i < 4; ++i) {
    IpcRecord record;
    record.payload = std::make_shared<const std::string>(100, 'x');
    log.append(std::move(record));
  }
  EXPECT_EQ(log.payloadBytes(), 200u);
}

TEST(IpcLog, LastForPidKeepsOrderAndCount) {
  IpcLog log;
  for (uint64_t i = 1; i <= 30; ++i) log.append(message(i % 2 ? 10 : 11, true, i, i));
  auto last = log.lastForPid(10, 5);
  ASSERT_EQ(last.size(), 5u);
  EXPECT_EQ(last.front().seq, 21u);
  EXPECT_EQ(last.back().seq, 29u);
  EXPECT_TRUE(log.lastForPid(12, 5).empty());
}

}  // namespace
}  // namespace sb::browser
