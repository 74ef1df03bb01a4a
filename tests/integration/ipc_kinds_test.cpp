// sandbrowser-ipcbench --kinds run as a process: every kind runs, both sides' byte counts and
// checksums agree, and shared memory beats the Unix socket on 1 MiB messages. Bad kind names and
// sizes are refused with exit 2.
#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <map>
#include <sstream>

#include "common/process/command_line.h"
#include "tests/integration/control/run_process.h"

namespace sb::testing {
namespace {

const std::vector<std::string> kKinds = {"pipe", "fifo", "unix-stream", "unix-seqpacket", "mqueue",
                                         "tcp",  "shm",  "threads",     "channel"};
const std::vector<qint64> kSizes = {64, 1024, 64 * 1024, 1024 * 1024};

std::string tool() {
  auto found = process::resolveExecutable("sandbrowser-ipcbench");
  return found ? *found : std::string();
}

// One JSON object per line, keyed by kind and message size.
std::map<std::pair<std::string, qint64>, QJsonObject> parseRows(const std::string& out) {
  std::map<std::pair<std::string, qint64>, QJsonObject> rows;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    const QJsonObject row = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
    if (row.isEmpty()) continue;
    rows[{row["kind"].toString().toStdString(), row["bytes"].toInteger()}] = row;
  }
  return rows;
}

class IpcKinds : public ::testing::Test {
 protected:
  void SetUp() override {
    tool_ = tool();
    ASSERT_FALSE(tool_.empty()) << "sandbrowser-ipcbench is not built next to the test";
  }
  ProcessOutput bench(std::vector<std::string> args) {
    args.insert(args.begin(), tool_);
    return runProcess(args);
  }
  std::string tool_;
};

TEST_F(IpcKinds, QuickRunCoversEveryKindAndSizeWithMatchingChecksums) {
  const ProcessOutput result = bench({"--quick", "--kinds", "all", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rows = parseRows(result.out);
  EXPECT_EQ(rows.size(), kKinds.size() * kSizes.size()) << result.out;
  for (const auto& kind : kKinds) {
    for (qint64 size : kSizes) {
      SCOPED_TRACE(kind + " " + std::to_string(size));
      auto it = rows.find({kind, size});
      ASSERT_NE(it, rows.end());
      const QJsonObject& row = it->second;
      EXPECT_TRUE(row["ok"].toBool()) << row["error"].toString().toStdString();
      const qint64 trips = row["round_trips"].toInteger();
      const qint64 messages = row["messages"].toInteger();
      EXPECT_GT(trips, 0);
      EXPECT_GT(messages, 0);
      EXPECT_GT(row["p50_us"].toDouble(), 0);
      EXPECT_GE(row["p99_us"].toDouble(), row["p50_us"].toDouble());
      EXPECT_GT(row["mib_per_s"].toDouble(), 0);
      EXPECT_GE(row["p50_ratio_to_fastest"].toDouble(), 1.0);
      EXPECT_GE(row["throughput_ratio_to_fastest"].toDouble(), 1.0);
      // Every byte claimed, counted and checksummed by the side that received it.
      const QJsonObject to_peer = row["to_peer"].toObject();
      const QJsonObject from_peer = row["from_peer"].toObject();
      EXPECT_EQ(to_peer["sent_bytes"].toInteger(), (trips + messages) * size);
      EXPECT_EQ(to_peer["received_bytes"].toInteger(), to_peer["sent_bytes"].toInteger());
      EXPECT_EQ(to_peer["received_checksum"].toString(), to_peer["sent_checksum"].toString());
      EXPECT_EQ(from_peer["sent_bytes"].toInteger(), trips * size);
      EXPECT_EQ(from_peer["received_bytes"].toInteger(), from_peer["sent_bytes"].toInteger());
      EXPECT_EQ(from_peer["received_checksum"].toString(), from_peer["sent_checksum"].toString());
    }
  }
  // Chunking is reported where the kernel caps a message.
  EXPECT_GT(rows.at({"mqueue", 1024 * 1024})["chunk_bytes"].toInteger(), 0);
  EXPECT_GT(rows.at({"unix-seqpacket", 1024 * 1024})["chunk_bytes"].toInteger(), 0);
  EXPECT_EQ(rows.at({"threads", 64})["peer"].toString(), "thread");
}

// Both copy every byte twice (in and out of the kernel, or in and out of the ring), so the margin
// is the system calls and wake-ups saved: about 1.3x in p50 round trip on the reference machine,
// not 10x, and one-way throughput is within noise on a loaded 2-core machine. So the p50 round
// trip decides, and the best of three short runs, since a busy machine can invert one run.
TEST_F(IpcKinds, SharedMemoryBeatsTheUnixSocketOnOneMebibyte) {
  double best_ratio = 0;
  for (int attempt = 0; attempt < 3 && best_ratio <= 1.0; ++attempt) {
    const ProcessOutput result = bench({"--kinds", "shm,unix-stream", "--sizes", "1M", "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto rows = parseRows(result.out);
    const double shm = rows.at({"shm", 1024 * 1024})["p50_us"].toDouble();
    const double socket = rows.at({"unix-stream", 1024 * 1024})["p50_us"].toDouble();
    ASSERT_GT(shm, 0);
    best_ratio = std::max(best_ratio, socket / shm);
  }
  EXPECT_GT(best_ratio, 1.0) << "Unix socket p50 / shared memory p50 at 1 MiB";
}

TEST_F(IpcKinds, UnknownKindIsRefusedWithTheList) {
  const ProcessOutput result = bench({"--kinds", "pipe,carrier-pigeon"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("no kind \"carrier-pigeon\""), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("unix-seqpacket"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

TEST_F(IpcKinds, BadSizesAreRefused) {
  for (const char* sizes : {"64,abc", "0", "16M", "1G", "", "64,,1K"}) {
    const ProcessOutput result = bench({"--kinds", "pipe", "--sizes", sizes});
    EXPECT_EQ(result.exit_code, 2) << sizes;
    EXPECT_NE(result.err.find("--sizes"), std::string::npos) << sizes << ": " << result.err;
  }
}

TEST_F(IpcKinds, SubsetRunsOnlyTheNamedKinds) {
  const ProcessOutput result = bench({"--quick", "--kinds", "pipe,threads", "--sizes", "100,2K", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rows = parseRows(result.out);
  EXPECT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows.count({"pipe", 100}));
  EXPECT_TRUE(rows.count({"threads", 2048}));
}

}  // namespace
}  // namespace sb::testing
