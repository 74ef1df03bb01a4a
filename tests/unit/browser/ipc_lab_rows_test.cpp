#include <QByteArray>
#include <string>

#include <gtest/gtest.h>

#include "apps/browser/core/ipc_lab_rows.h"

namespace sb::browser {
namespace {

// One line as sandbrowser-ipcbench --json prints it, with the fields the parser reads.
std::string line(const std::string& kind, int bytes, const std::string& extra = "",
                 const std::string& to_received = "4096", const std::string& from_checksum = "\"ab\"") {
  return "{\"kind\":\"" + kind + "\",\"label\":\"the " + kind + "\",\"bytes\":" + std::to_string(bytes) +
         ",\"ok\":true,\"error\":\"\",\"p50_us\":31.82,\"p99_us\":49.25,\"mib_per_s\":166.3" + extra +
         ",\"to_peer\":{\"sent_bytes\":4096,\"sent_checksum\":\"d8\",\"received_bytes\":" + to_received +
         ",\"received_checksum\":\"d8\"},\"from_peer\":{\"sent_bytes\":64,\"sent_checksum\":\"ab\","
         "\"received_bytes\":64,\"received_checksum\":" + from_checksum + "}}\n";
}

IpcLabRows parse(const std::string& text) { return parseIpcLabRows(QByteArray::fromStdString(text)); }

TEST(IpcLabRows, ReadsEveryLineIntoARow) {
  const IpcLabRows parsed = parse(line("pipe", 64) + "\n" + line("shm", 1048576));
  ASSERT_TRUE(parsed.error.empty()) << parsed.error;
  ASSERT_EQ(parsed.rows.size(), 2u);
  EXPECT_EQ(parsed.rows[0].kind(), "pipe");
  EXPECT_EQ(parsed.rows[0].label(), "the pipe");
  EXPECT_EQ(parsed.rows[0].message_bytes(), 64u);
  EXPECT_DOUBLE_EQ(parsed.rows[0].p50_us(), 31.82);
  EXPECT_DOUBLE_EQ(parsed.rows[0].p99_us(), 49.25);
  EXPECT_DOUBLE_EQ(parsed.rows[0].mib_per_s(), 166.3);
  EXPECT_TRUE(parsed.rows[0].ok());
  EXPECT_EQ(parsed.rows[1].message_bytes(), 1048576u);
}

TEST(IpcLabRows, BytesLostOrChangedOnTheWayMakeARowFailWithTheReason) {
  IpcLabRows parsed = parse(line("pipe", 64, "", "4000"));
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_FALSE(parsed.rows[0].ok());
  EXPECT_EQ(parsed.rows[0].error(), "to the peer: 4096 bytes sent, 4000 received");
  EXPECT_EQ(parsed.rows[0].p50_us(), 0);  // no number for a run that lost data

  parsed = parse(line("pipe", 64, "", "4096", "\"ff\""));
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_FALSE(parsed.rows[0].ok());
  EXPECT_EQ(parsed.rows[0].error(), "from the peer: checksums differ");
}

TEST(IpcLabRows, AKindThatDidNotRunKeepsItsOwnError) {
  const IpcLabRows parsed =
      parse("{\"kind\":\"mqueue\",\"label\":\"q\",\"bytes\":64,\"ok\":false,\"error\":\"mq_open: ENOSYS\"}\n");
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_FALSE(parsed.rows[0].ok());
  EXPECT_EQ(parsed.rows[0].error(), "mq_open: ENOSYS");
}

TEST(IpcLabRows, UnusableOutputIsOneClearErrorAndNoRows) {
  struct Case {
    std::string output;
    std::string error;
  };
  for (const Case& c : {
           Case{"", "the benchmark printed no results"},
           Case{"\n  \n", "the benchmark printed no results"},
           Case{line("pipe", 64) + "garbage\n", "line 2 of the benchmark's output: not a JSON object"},
           Case{"[1,2]\n", "line 1 of the benchmark's output: not a JSON object"},
           Case{"{\"bytes\":64,\"ok\":true}\n", "line 1 of the benchmark's output: no kind"},
           Case{"{\"kind\":\"pipe\",\"bytes\":0,\"ok\":true}\n", "line 1 of the benchmark's output: no message size"},
           Case{"{\"kind\":\"pipe\",\"bytes\":-64,\"ok\":true}\n", "line 1 of the benchmark's output: no message size"},
           Case{"{\"kind\":\"pipe\",\"bytes\":64}\n", "line 1 of the benchmark's output: no ok field"},
       }) {
    const IpcLabRows parsed = parse(c.output);
    EXPECT_TRUE(parsed.rows.empty()) << c.output;
    EXPECT_EQ(parsed.error.substr(0, c.error.size()), c.error) << c.output << " gave " << parsed.error;
  }
}

TEST(IpcLabRows, AMissingMeasureFailsTheRow) {
  const IpcLabRows parsed = parse(
      "{\"kind\":\"pipe\",\"bytes\":64,\"ok\":true,\"p50_us\":1,\"p99_us\":\"fast\",\"mib_per_s\":1}\n");
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_FALSE(parsed.rows[0].ok());
  EXPECT_EQ(parsed.rows[0].error(), "no p99_us");
}

TEST(IpcLabRows, TooManyRowsOrBytesAreRefused) {
  std::string many;
  for (size_t i = 0; i <= kMaxIpcLabRows; ++i) many += line("pipe", 64);
  EXPECT_EQ(parse(many).error, "the benchmark printed more than 64 rows");
  EXPECT_TRUE(parse(many).rows.empty());
  const std::string huge(kMaxIpcLabOutputBytes + 1, ' ');
  EXPECT_EQ(parse(huge).error.rfind("the benchmark printed more than", 0), 0u);
}

}  // namespace
}  // namespace sb::browser
