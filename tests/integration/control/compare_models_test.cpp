// `sandbrowser --headless --compare-models` run as a process, the way a person runs it: a table row
// per model, and what one renderer crash took down in each; bad flags exit 2 with a message.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/process/command_line.h"
#include "tests/integration/control/run_process.h"

namespace sb::testing {
namespace {

using Row = std::map<std::string, std::string>;  // CSV column name -> value

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
  return parts;
}

// The CSV's rows by model name.
std::map<std::string, Row> readCsv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const std::vector<std::string> lines = split(text.str(), '\n');
  std::map<std::string, Row> rows;
  if (lines.empty()) return rows;
  const std::vector<std::string> header = split(lines[0], ',');
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> cells = split(lines[i], ',');
    cells.resize(header.size());  // getline drops an empty last cell
    Row row;
    for (size_t c = 0; c < header.size(); ++c) row[header[c]] = cells[c];
    rows[row["model"]] = row;
  }
  return rows;
}

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    char name[] = "/tmp/sandbrowser-compare-test-XXXXXX";
    if (::mkdtemp(name)) path_ = name;
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(CompareModels, ARowPerModelAndWhatOneRendererCrashTookDown) {
  TemporaryDirectory directory;
  ASSERT_FALSE(directory.path().empty());
  const auto csv = directory.path() / "models.csv";
  // Four tabs on two sites (news, home, news, home): the crashed first tab shares its site.
  const ProcessOutput result = runSandbrowser(
      {"--headless", "--compare-models", "--compare-tabs=4", "--compare-csv=" + csv.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;

  // The table: a header and one row per model, in order.
  const std::vector<std::string> lines = split(result.out, '\n');
  ASSERT_EQ(lines.size(), 5u) << result.out;
  EXPECT_EQ(lines[0].rfind("model", 0), 0u) << result.out;
  EXPECT_NE(lines[0].find("first paint p50"), std::string::npos) << result.out;
  const char* models[] = {"per-tab ", "per-site ", "limit 4 ", "single-process "};
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(lines[i + 1].rfind(models[i], 0), 0u) << result.out;
  EXPECT_NE(lines[1].find("1 of 4"), std::string::npos) << result.out;
  EXPECT_NE(lines[4].find("no (SIGSEGV)"), std::string::npos) << result.out;

  std::map<std::string, Row> rows = readCsv(csv);
  ASSERT_EQ(rows.size(), 4u) << result.out;
  EXPECT_EQ(rows["per-tab"]["tabs_lost"], "1");
  EXPECT_EQ(rows["per-tab"]["browser_survived"], "yes");
  EXPECT_EQ(rows["per-site"]["tabs_lost"], "2");
  EXPECT_EQ(rows["per-site"]["browser_survived"], "yes");
  EXPECT_EQ(rows["limit 4"]["tabs_lost"], "1");  // four tabs fit under a limit of four
  EXPECT_EQ(rows["single-process"]["tabs_lost"], "4");
  EXPECT_EQ(rows["single-process"]["browser_survived"], "no");
  EXPECT_EQ(rows["single-process"]["browser_signal"], "SIGSEGV");

  // Sharing shows in the process count; every model costs memory and paints.
  const auto number = [&](const char* model, const char* column) {
    return std::stod(rows[model][column].empty() ? "0" : rows[model][column]);
  };
  EXPECT_GT(number("per-tab", "processes"), number("per-site", "processes"));
  EXPECT_GT(number("per-site", "processes"), number("single-process", "processes"));
  for (const char* model : {"per-tab", "per-site", "limit 4", "single-process"}) {
    EXPECT_GT(number(model, "pss_total_kb"), 0) << model;
    EXPECT_GT(number(model, "first_paint_p50_ms"), 0) << model;
    EXPECT_EQ(rows[model]["tabs"], "4") << model;
  }
  // Progress went to stderr, the table alone to stdout.
  EXPECT_NE(result.err.find("[single-process]"), std::string::npos) << result.err;
}

TEST(CompareModelsFlags, NeedsHeadless) {
  const ProcessOutput result = runSandbrowser({"--compare-models"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--compare-models needs --headless"), std::string::npos) << result.err;
}

TEST(CompareModelsFlags, TheTabCountMustBeAWholeNumberFromOneToAHundred) {
  for (const char* bad : {"0", "101", "-2", "many", "2.5", ""}) {
    const ProcessOutput result =
        runSandbrowser({"--headless", "--compare-models", std::string("--compare-tabs=") + bad});
    EXPECT_EQ(result.exit_code, 2) << bad;
    EXPECT_NE(result.err.find("--compare-tabs: \"" + std::string(bad) + "\" is not a tab count"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("from 1 to 100"), std::string::npos) << result.err;
  }
}

TEST(CompareModelsFlags, ItsOwnFlagsNeedCompareModels) {
  for (const char* flag : {"--compare-tabs=4", "--compare-csv=/tmp/x.csv"}) {
    const ProcessOutput result = runSandbrowser({"--headless", flag});
    EXPECT_EQ(result.exit_code, 2) << flag;
    EXPECT_NE(result.err.find("needs --compare-models"), std::string::npos) << result.err;
  }
}

TEST(CompareModelsFlags, RefusesFlagsThatWouldChooseTheModelsOrTabsForIt) {
  for (const char* flag : {"--demo", "--process-model=per-site", "--renderer-process-limit=2"}) {
    const ProcessOutput result = runSandbrowser({"--headless", "--compare-models", flag});
    EXPECT_EQ(result.exit_code, 2) << flag;
    EXPECT_NE(result.err.find("leave out --"), std::string::npos) << result.err;
  }
  const ProcessOutput with_url = runSandbrowser({"--headless", "--compare-models", "demo://news"});
  EXPECT_EQ(with_url.exit_code, 2);
  EXPECT_NE(with_url.err.find("leave out the URLs"), std::string::npos) << with_url.err;
}

// Checked before any browser starts: a bad path costs no measuring time.
TEST(CompareModelsFlags, ACsvFileThatCannotBeWrittenExitsOneAtOnce) {
  const ProcessOutput result =
      runSandbrowser({"--headless", "--compare-models", "--compare-csv=/nonexistent/models.csv"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("--compare-csv: /nonexistent/models.csv: "), std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("[per-tab]"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace sb::testing
