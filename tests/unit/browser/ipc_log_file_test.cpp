#include "apps/browser/core/ipc_log_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/support/ipc_sample_records.h"

namespace sb::browser {
namespace {

std::string written(const std::vector<IpcRecord>& records) {
  std::ostringstream out;
  EXPECT_TRUE(writeIpcLog(out, records));
  return out.str();
}

IpcLogContents readText(const std::string& text, const IpcLogReadOptions& options = {}) {
  std::istringstream in(text);
  return readIpcLog(in, options);
}

void expectSameRecord(const IpcRecord& a, const IpcRecord& b) {
  EXPECT_EQ(a.index, b.index);
  EXPECT_EQ(a.time_ns, b.time_ns);
  EXPECT_EQ(a.incoming, b.incoming);
  EXPECT_EQ(a.pid, b.pid);
  EXPECT_EQ(a.process_kind, b.process_kind);
  EXPECT_EQ(a.tab_id, b.tab_id);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.seq, b.seq);
  EXPECT_EQ(a.reply_to, b.reply_to);
  EXPECT_EQ(a.latency_ns, b.latency_ns);
  EXPECT_EQ(a.note, b.note);
  ASSERT_EQ(a.payload == nullptr, b.payload == nullptr) << "record " << a.index;
  if (a.payload) {
    EXPECT_TRUE(*a.payload == *b.payload) << "record " << a.index << " payload differs";
  }
}

QJsonObject lineObject(const std::string& line) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
}

// A good line to edit into bad ones.
QJsonObject goodObject() { return lineObject(ipcRecordLine(testing::sampleRecords()[0])); }

std::string compact(const QJsonObject& object) {
  return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

TEST(IpcLogFile, RoundTripReproducesEveryRecordExactly) {
  const auto records = testing::sampleRecords();
  const IpcLogContents read = readText(written(records));
  EXPECT_TRUE(read.errors.empty()) << read.errors.front();
  EXPECT_TRUE(read.failure.empty()) << read.failure;
  ASSERT_EQ(read.records.size(), records.size());
  for (size_t i = 0; i < records.size(); ++i) expectSameRecord(read.records[i], records[i]);
}

TEST(IpcLogFile, WritesOneLinePerRecordWithTheControlKeysPlusLatencyAndBody) {
  const auto records = testing::sampleRecords();
  const std::string text = written(records);
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), records.size());

  const QJsonObject pong = lineObject(ipcRecordLine(records[3]));
  QJsonObject expected = ipcRecordJson(records[3]);
  expected["latency_ns"] = 250'000;
  QJsonObject without_body = pong;
  without_body.remove("body");
  EXPECT_EQ(without_body, expected);
  EXPECT_EQ(pong["body"].toObject()["reply_to"], "7");
  EXPECT_EQ(pong["body"].toObject()["pong"].toObject()["payload"], "YWJj");  // base64 of "abc"
  EXPECT_FALSE(pong.contains("payload_base64"));

  const QJsonObject malformed = lineObject(ipcRecordLine(records[6]));
  EXPECT_FALSE(malformed.contains("body"));
  EXPECT_EQ(malformed["note"], "frame does not parse as an Envelope");
}

TEST(IpcLogFile, ControlKeysAreUnchanged) {
  const IpcRecord record = testing::sampleRecords()[5];
  const QJsonObject object = ipcRecordJson(record);
  EXPECT_EQ(object.keys(), (QStringList{"bytes", "dir", "index", "kind", "note", "pid", "process",
                                        "reply_to", "seq", "t_ns", "tab"}));
  EXPECT_EQ(object["dir"], "in");
  EXPECT_EQ(object["process"], "renderer");
  EXPECT_EQ(object["t_ns"].toInteger(), 5'005'000'000);
  // Beyond int64, a JSON number would lose digits: the exact decimal goes as a string.
  EXPECT_EQ(object["seq"], "18446744073709551615");
  EXPECT_FALSE(ipcRecordJson(testing::sampleRecords()[0]).contains("note"));
}

TEST(IpcLogFile, KeepsTheExactPayloadWhenJsonCannotCarryIt) {
  // The hostile record's field 99 has no JSON name; the bytes travel as base64 beside the body.
  const IpcRecord hostile = testing::sampleRecords()[5];
  const QJsonObject object = lineObject(ipcRecordLine(hostile));
  EXPECT_TRUE(object.contains("body"));
  EXPECT_EQ(object["payload_base64"].toString().toStdString(),
            QByteArray::fromStdString(*hostile.payload).toBase64().toStdString());
}

TEST(IpcLogFile, AnOversizeBodyIsWrittenAsItsPayloadOnly) {
  const IpcRecord list = testing::sampleRecords()[1];
  const std::string line = ipcRecordLine(list, 20'000);
  const QJsonObject object = lineObject(line);
  EXPECT_FALSE(object.contains("body"));
  EXPECT_TRUE(object.contains("payload_base64"));
  std::string error;
  const auto back = parseIpcRecordLine(line, &error);
  ASSERT_TRUE(back) << error;
  expectSameRecord(*back, list);
}

TEST(IpcLogFile, WritesTheSameBytesToAQIODevice) {
  const auto records = testing::sampleRecords();
  QByteArray bytes;
  QBuffer buffer(&bytes);
  ASSERT_TRUE(buffer.open(QIODevice::WriteOnly));
  EXPECT_TRUE(writeIpcLog(buffer, records));
  EXPECT_EQ(bytes.toStdString(), written(records));
}

TEST(IpcLogFile, WritesEveryRecordOfALog) {
  IpcLog log;
  for (IpcRecord record : testing::sampleRecords()) log.append(std::move(record));
  const IpcLogContents read = readText(written(allRecords(log)));
  EXPECT_EQ(read.records.size(), testing::sampleRecords().size());
}

TEST(IpcLogFile, NamesEveryBadLineAndKeepsEveryGoodOne) {
  struct Bad {
    std::string line;
    std::string error;
  };
  auto with = [](const char* key, QJsonValue value) {
    QJsonObject object = goodObject();
    object[key] = value;
    return compact(object);
  };
  auto without = [](const char* key) {
    QJsonObject object = goodObject();
    object.remove(key);
    return compact(object);
  };
  QJsonObject foreign_body = goodObject();
  foreign_body["body"] = QJsonObject{{"navigate", QJsonObject{{"colour", "red"}}}};
  QJsonObject wrong_body_type = goodObject();
  wrong_body_type["body"] = QJsonObject{{"seq", "many"}};

  const std::vector<Bad> bad = {
      {"this is not json", "not JSON"},
      {"[1, 2, 3]", "not a JSON object"},
      {"", "empty line"},
      {without("t_ns"), "missing \"t_ns\""},
      {without("latency_ns"), "missing \"latency_ns\""},
      {with("pid", "4242"), "\"pid\" must be an integer from -2147483648 to 2147483647"},
      {with("tab", -1), "\"tab\" must be an integer from 0 to 4294967295"},
      {with("bytes", 1.5), "\"bytes\" must be an integer from 0 to 18446744073709551615"},
      {with("seq", "12x"), "\"seq\" must be an integer from 0 to 18446744073709551615"},
      {with("seq", "18446744073709551616"), "\"seq\" must be an integer from 0"},
      {with("dir", "sideways"), "\"dir\" must be \"in\" or \"out\""},
      {with("process", "toaster"), "\"process\" must be one of"},
      {with("kind", 5), "\"kind\" must be a string"},
      {with("note", true), "\"note\" must be a string"},
      {with("colour", "red"), "unknown key \"colour\""},
      {with("body", "navigate"), "\"body\" must be an object"},
      {compact(foreign_body), "body does not fit an Envelope"},
      {compact(wrong_body_type), "body does not fit an Envelope"},
      {with("payload_base64", "***"), "\"payload_base64\" is not valid base64"},
      {with("payload_base64", "CAI="), "body does not match \"payload_base64\""},
      {"{\"index\":1," + std::string(300, ' ') + "}", "longer than 200 bytes"},
  };
  const std::string good0 = ipcRecordLine(testing::sampleRecords()[0]);
  const std::string good1 = ipcRecordLine(testing::sampleRecords()[3]);
  std::string text = good0;
  for (const Bad& b : bad) text += b.line + "\n";
  text += good1;

  const IpcLogContents read = readText(text);
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].index, 1u);
  EXPECT_EQ(read.records[1].index, 4u);
  // The last bad line fits the default bound (it is refused for its missing keys)...
  ASSERT_EQ(read.errors.size(), bad.size());
  for (size_t i = 0; i + 1 < bad.size(); ++i) {
    const std::string prefix = "line " + std::to_string(i + 2) + ": ";
    EXPECT_EQ(read.errors[i].rfind(prefix, 0), 0u) << read.errors[i];
    EXPECT_NE(read.errors[i].find(bad[i].error), std::string::npos)
        << "line " << i + 2 << ": expected \"" << bad[i].error << "\", got \"" << read.errors[i]
        << '"';
  }
  // ...and is refused by a small one for its length, without losing the lines after it.
  IpcLogReadOptions options;
  options.max_line_bytes = 200;
  const IpcLogContents bounded = readText(text, options);
  const std::string long_error = "line " + std::to_string(bad.size() + 1) + ": " + bad.back().error;
  EXPECT_NE(std::find(bounded.errors.begin(), bounded.errors.end(), long_error),
            bounded.errors.end());
  EXPECT_TRUE(read.failure.empty());
}

TEST(IpcLogFile, AcceptsDecimalStringsAndCrLfLineEnds) {
  QJsonObject object = goodObject();
  object["t_ns"] = "123";
  const IpcLogContents read = readText(compact(object) + "\r\n");
  ASSERT_EQ(read.records.size(), 1u) << (read.errors.empty() ? "" : read.errors.front());
  EXPECT_EQ(read.records[0].time_ns, 123u);
}

TEST(IpcLogFile, ReadsAFileOrSaysWhyItCannot) {
  char path[] = "/tmp/sb-ipc-log-XXXXXX";
  const int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  ::close(fd);
  {
    std::ofstream out(path);
    ASSERT_TRUE(writeIpcLog(out, testing::sampleRecords()));
  }
  const IpcLogContents read = readIpcLogFile(path);
  EXPECT_EQ(read.records.size(), testing::sampleRecords().size());
  EXPECT_TRUE(read.failure.empty());
  ::unlink(path);

  const IpcLogContents missing = readIpcLogFile("/nonexistent/ipc.jsonl");
  EXPECT_TRUE(missing.records.empty());
  EXPECT_NE(missing.failure.find("/nonexistent/ipc.jsonl"), std::string::npos) << missing.failure;
  EXPECT_NE(missing.failure.find("No such file"), std::string::npos) << missing.failure;
}

}  // namespace
}  // namespace sb::browser
