// The small pieces of the control socket that are easiest to get subtly wrong, tested directly:
// line splitting with its length limit, integer fields, and the client's reading of "ok".
#include <gtest/gtest.h>

#include <QJsonValue>

#include "apps/browser/control/line_buffer.h"
#include "apps/browser/control/request_fields.h"
#include "apps/tools/ctl/reply_status.h"

namespace sb {
namespace {

using browser::LineBuffer;
using ctl::ReplyStatus;
using ctl::replyStatus;

TEST(ControlParts, LinesAreSplitAcrossAnyChunking) {
  LineBuffer lines(100);
  lines.append("{\"a\":1}\r\n{\"b\"");
  auto first = lines.next();
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->too_long);
  EXPECT_EQ(first->line, "{\"a\":1}");
  EXPECT_FALSE(lines.next());
  lines.append(":2}\n");
  EXPECT_EQ(lines.next()->line, "{\"b\":2}");
  EXPECT_FALSE(lines.next());
}

TEST(ControlParts, ALongLineIsReportedOnceAndSkippedThenTheStreamGoesOn) {
  LineBuffer lines(8);
  lines.append("123456789");  // 9 bytes, no newline yet: already too long
  auto item = lines.next();
  ASSERT_TRUE(item);
  EXPECT_TRUE(item->too_long);
  lines.append(std::string(1000, 'x').c_str());
  EXPECT_FALSE(lines.next());
  EXPECT_LE(lines.buffered(), 8);  // the skipped bytes are not kept
  lines.append("tail\nok\n");
  EXPECT_EQ(lines.next()->line, "ok");
  EXPECT_FALSE(lines.next());
}

TEST(ControlParts, ALineOfExactlyTheLimitIsAccepted) {
  LineBuffer lines(4);
  lines.append("abcd\nabcde\n");
  EXPECT_EQ(lines.next()->line, "abcd");
  EXPECT_TRUE(lines.next()->too_long);
  EXPECT_FALSE(lines.next());
}

TEST(ControlParts, IntegersMustBeExact) {
  EXPECT_EQ(browser::exactInteger(QJsonValue(3)), 3);
  EXPECT_EQ(browser::exactInteger(QJsonValue(-7.0)), -7);
  EXPECT_FALSE(browser::exactInteger(QJsonValue(2.5)));
  EXPECT_FALSE(browser::exactInteger(QJsonValue(1e300)));
  EXPECT_FALSE(browser::exactInteger(QJsonValue("3")));
  EXPECT_FALSE(browser::exactInteger(QJsonValue(QJsonValue::Null)));
}

TEST(ControlParts, TheClientFindsTheTopLevelOk) {
  EXPECT_EQ(replyStatus("{\"ok\":true}"), ReplyStatus::kOk);
  EXPECT_EQ(replyStatus(" { \"ok\" : false , \"error\":\"x\"}"), ReplyStatus::kError);
  EXPECT_EQ(replyStatus("{\"error\":\"\\\"ok\\\":true\",\"ok\":false}"), ReplyStatus::kError);
  EXPECT_EQ(replyStatus("{\"tab\":{\"ok\":true},\"ok\":false}"), ReplyStatus::kError);
  EXPECT_EQ(replyStatus("{\"x\":[{\"ok\":true}],\"ok\":true}"), ReplyStatus::kOk);
  EXPECT_EQ(replyStatus("{\"note\":\"ok\",\"y\":1}"), ReplyStatus::kUnrecognised);
  EXPECT_EQ(replyStatus("[\"ok\",true]"), ReplyStatus::kUnrecognised);
  EXPECT_EQ(replyStatus(""), ReplyStatus::kUnrecognised);
}

}  // namespace
}  // namespace sb
