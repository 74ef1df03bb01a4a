// The small pieces of the control socket that are easiest to get subtly wrong, tested directly:
// line splitting with its length limit, integer fields, the client's reading of "ok", and who may
// take over a socket path.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <QJsonValue>
#include <QTemporaryDir>
#include <cstring>
#include <fstream>

#include "apps/browser/control/line_buffer.h"
#include "apps/browser/control/unix_listener.h"
#include "apps/browser/control/request_fields.h"
#include "apps/tools/ctl/control_client.h"
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

// What a browser killed with SIGKILL leaves: a socket file nobody listens on.
void leaveStaleSocket(const std::string& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  ::close(fd);
}

TEST(ControlParts, AStaleSocketFileIsTakenOver) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("control.sock").toStdString();
  leaveStaleSocket(path);
  std::string error;
  auto listener = browser::UnixListener::create(path, &error);
  ASSERT_TRUE(listener) << error;
  EXPECT_TRUE(ctl::ControlClient::connect(path, &error)) << error;
}

TEST(ControlParts, ALiveBrowsersSocketIsNotTakenOver) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("control.sock").toStdString();
  std::string error;
  auto first = browser::UnixListener::create(path, &error);
  ASSERT_TRUE(first) << error;
  EXPECT_FALSE(browser::UnixListener::create(path, &error));
  EXPECT_EQ(error, "another browser is listening on " + path);
  // The first one still owns the path and answers on it.
  EXPECT_TRUE(ctl::ControlClient::connect(path, &error)) << error;
  EXPECT_TRUE(first->accept().valid());
}

TEST(ControlParts, AFileThatIsNoSocketIsLeftAlone) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("notes.txt").toStdString();
  std::ofstream(path) << "mine";
  std::string error;
  EXPECT_FALSE(browser::UnixListener::create(path, &error));
  EXPECT_EQ(error, path + " exists and is not a socket; not replacing it");
  std::string kept;
  std::getline(std::ifstream(path), kept);
  EXPECT_EQ(kept, "mine");
}

}  // namespace
}  // namespace sb
