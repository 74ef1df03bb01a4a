#include "common/log/logging.h"

#include <unistd.h>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "common/log/forwarding_sink.h"

namespace sb::log {
namespace {

TEST(Logging, ParsesLevelNames) {
  EXPECT_EQ(parseLevel("debug"), spdlog::level::debug);
  EXPECT_EQ(parseLevel("warn"), spdlog::level::warn);
  EXPECT_EQ(parseLevel("off"), spdlog::level::off);
  EXPECT_FALSE(parseLevel("loud"));
}

TEST(Logging, PatternNamesKindAndPid) {
  const std::string pattern = patternFor("renderer");
  EXPECT_NE(pattern.find("renderer:" + std::to_string(::getpid())), std::string::npos);
  EXPECT_NE(pattern.find("%l"), std::string::npos);
}

TEST(ForwardingSink, TurnsRecordsIntoWireLogRecordsAndCapsTheirLength) {
  std::vector<wire::LogRecord> records;
  auto sink = std::make_shared<ForwardingSink>([&](const wire::LogRecord& r) { records.push_back(r); });
  spdlog::logger logger("child", sink);
  logger.set_level(spdlog::level::trace);
  logger.warn("hello {}", 42);
  logger.info(std::string(10000, 'x'));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].level(), wire::LOG_LEVEL_WARN);
  EXPECT_EQ(records[0].text(), "hello 42");
  EXPECT_EQ(records[0].logger(), "child");
  EXPECT_GT(records[0].time_ns(), 0u);
  EXPECT_EQ(records[1].text().size(), ForwardingSink::kMaxTextBytes);
}

TEST(ForwardingSink, ForwardsValidUtf8EvenWhenCuttingOrGivenBrokenBytes) {
  // Protobuf rejects a string field that is not UTF-8, and the browser would then treat the
  // child as sending a bad message: the sink must never produce one.
  std::vector<wire::LogRecord> records;
  auto sink = std::make_shared<ForwardingSink>([&](const wire::LogRecord& r) { records.push_back(r); });
  spdlog::logger logger("child", sink);
  std::string text(ForwardingSink::kMaxTextBytes - 1, 'x');
  text += "\xED\x95\x9C";  // a three-byte character across the cut
  logger.info(text);
  logger.info(std::string("bad \xff\xfe bytes \xC3"));
  ASSERT_EQ(records.size(), 2u);
  for (const auto& record : records) {
    wire::Envelope envelope;
    *envelope.mutable_log_record() = record;
    wire::Envelope parsed;
    EXPECT_TRUE(parsed.ParseFromString(envelope.SerializeAsString())) << record.text();
  }
  EXPECT_EQ(records[0].text(), std::string(ForwardingSink::kMaxTextBytes - 1, 'x'));
  EXPECT_EQ(records[1].text(), "bad ?? bytes ?");
}

}  // namespace
}  // namespace sb::log
