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

}  // namespace
}  // namespace sb::log
