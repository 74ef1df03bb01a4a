// sandbrowser-ipcdump run as a process on files the inspector's writer produced, and on broken
// ones.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "apps/browser/core/ipc_log_file.h"
#include "common/process/command_line.h"
#include "tests/integration/control/run_process.h"
#include "tests/support/ipc_sample_records.h"

namespace sb::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t lineCount(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

class IpcDump : public ::testing::Test {
 protected:
  void SetUp() override {
    auto found = process::resolveExecutable("sandbrowser-ipcdump");
    ASSERT_TRUE(found) << "sandbrowser-ipcdump is not built next to the test";
    tool_ = *found;
    char dir[] = "/tmp/sb-ipcdump-XXXXXX";
    ASSERT_NE(::mkdtemp(dir), nullptr);
    dir_ = dir;
    std::ostringstream text;
    ASSERT_TRUE(browser::writeIpcLog(text, sampleRecords()));
    log_text_ = text.str();
    log_ = writeFile("log.jsonl", log_text_);
  }
  void TearDown() override {
    for (const auto& path : files_) ::unlink(path.c_str());
    if (!dir_.empty()) ::rmdir(dir_.c_str());
  }

  std::string writeFile(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    files_.push_back(path);
    return path;
  }

  ProcessOutput dump(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), tool_);
    return runProcess(args, input);
  }

  std::string tool_, dir_, log_, log_text_;
  std::vector<std::string> files_;
};

TEST_F(IpcDump, PrintsOneAlignedRowPerRecord) {
  const ProcessOutput result = dump({log_});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(lineCount(result.out), 1 + sampleRecords().size()) << result.out;
  EXPECT_EQ(result.out.rfind("#", 0), 0u) << result.out;
  EXPECT_TRUE(contains(result.out, "navigate demo://clock")) << result.out;
  EXPECT_TRUE(contains(result.out, "display_list 2 items, frame 3 \"Clock\"")) << result.out;
  EXPECT_TRUE(contains(result.out, "renderer 4242")) << result.out;
  EXPECT_TRUE(contains(result.out, "0.002500")) << result.out;  // seconds since the first record
  EXPECT_TRUE(contains(result.out, "0.250")) << result.out;     // the pong's latency in ms
  EXPECT_TRUE(contains(result.out, "BAD: renderer spoke for tab 9, which it does not host"))
      << result.out;
  EXPECT_TRUE(contains(result.out, "(body not kept)  BAD: frame does not parse")) << result.out;

  // Aligned: the kind column starts at the same terminal column on every row (the direction
  // arrows are one column but three bytes).
  auto column = [](const std::string& text, size_t bytes) {
    return std::count_if(text.begin(), text.begin() + static_cast<long>(bytes),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  };
  std::istringstream lines(result.out);
  std::string header, row;
  std::getline(lines, header);
  for (const std::string kind : {"navigate", "display_list", "ping", "pong"}) {
    std::getline(lines, row);
    EXPECT_EQ(column(row, row.find(kind)), column(header, header.find("kind"))) << header << "\n"
                                                                                << row;
  }
}

TEST_F(IpcDump, FiltersByKindPidTabAndBadness) {
  auto rows = [&](std::vector<std::string> args) {
    args.push_back(log_);
    const ProcessOutput result = dump(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return lineCount(result.out) - 1;
  };
  EXPECT_EQ(rows({"--kind", "display_list"}), 1u);
  EXPECT_EQ(rows({"--pid", "4300"}), 2u);
  EXPECT_EQ(rows({"--tab", "1"}), 3u);
  EXPECT_EQ(rows({"--bad"}), 2u);
  EXPECT_EQ(rows({"--bad", "--pid", "4343", "--kind", "open_url"}), 1u);
  EXPECT_EQ(rows({"--kind", "no_such_kind"}), 0u);
}

TEST_F(IpcDump, PrintsBodiesInTextFormatUnderTheirRows) {
  const ProcessOutput result = dump({"--body", "--kind", "navigate", log_});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out,
                       "\n    navigate {\n      navigation_id: 1\n      url: \"demo://clock\"\n"))
      << result.out;
  const ProcessOutput image = dump({"--body", "--kind", "display_list", log_});
  EXPECT_TRUE(contains(image.out, "more bytes not shown (16384 in all)")) << image.out;
}

TEST_F(IpcDump, JsonReemitsTheSelectedRecordsExactly) {
  const ProcessOutput all = dump({"--json", log_});
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.out, log_text_);

  const ProcessOutput bad = dump({"--json", "--bad", log_});
  std::istringstream in(bad.out);
  const browser::IpcLogContents read = browser::readIpcLog(in);
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].index, 6u);
  EXPECT_EQ(*read.records[0].payload, *sampleRecords()[5].payload);
}

TEST_F(IpcDump, ReadsStdinForADash) {
  const ProcessOutput result = dump({"--kind", "ping", "-"}, log_text_);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lineCount(result.out), 2u) << result.out;
  EXPECT_TRUE(contains(result.out, "ping 3 bytes")) << result.out;
}

TEST_F(IpcDump, NamesBadLinesOnStderrPrintsTheGoodOnesAndExitsOne) {
  std::istringstream lines(log_text_);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  const std::string path =
      writeFile("broken.jsonl", first + "\nnot json at all\n" + second + "\n{\"index\":3}\n");
  const ProcessOutput result = dump({path});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(lineCount(result.out), 3u) << result.out;
  EXPECT_TRUE(contains(result.out, "navigate demo://clock")) << result.out;
  EXPECT_TRUE(contains(result.out, "display_list 2 items")) << result.out;
  EXPECT_TRUE(contains(result.err, path + ": line 2: not JSON")) << result.err;
  EXPECT_TRUE(contains(result.err, path + ": line 4: missing \"t_ns\"")) << result.err;
  EXPECT_EQ(lineCount(result.err), 2u) << result.err;
}

TEST_F(IpcDump, UnreadableFilesAndBadFlagsExitTwo) {
  const ProcessOutput missing = dump({dir_ + "/missing.jsonl"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "cannot open " + dir_ + "/missing.jsonl")) << missing.err;
  EXPECT_EQ(missing.out, "");

  const ProcessOutput directory = dump({dir_});
  EXPECT_EQ(directory.exit_code, 2);
  EXPECT_TRUE(contains(directory.err, "is a directory")) << directory.err;

  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--frobnicate", log_},
                                             {"--pid", "12abc", log_},
                                             {"--tab", "-1", log_},
                                             {"--pid"},
                                             {},
                                             {log_, log_},
                                             {"--json", "--body", log_}}) {
    const ProcessOutput result = dump(args);
    EXPECT_EQ(result.exit_code, 2) << ::testing::PrintToString(args);
    EXPECT_TRUE(contains(result.err, "sandbrowser-ipcdump: ")) << result.err;
    EXPECT_TRUE(contains(result.err, "usage:")) << result.err;
    EXPECT_EQ(result.out, "");
  }
}

TEST_F(IpcDump, HelpExitsZero) {
  const ProcessOutput result = dump({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(contains(result.out, "usage: sandbrowser-ipcdump")) << result.out;
  EXPECT_TRUE(contains(result.out, "--bad")) << result.out;
}

}  // namespace
}  // namespace sb::testing
