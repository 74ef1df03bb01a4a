// `sandbrowser --headless --scale 20` run as a process, CI-sized: every invariant reported and
// holding (no tab changed but the killed, all reopened, no zombie, no leaked fd), and bad flags.
#include <gtest/gtest.h>

#include <sstream>

#include "common/process/command_line.h"
#include "tests/integration/control/run_process.h"

namespace sb::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> linesStartingWith(const std::string& text, const std::string& prefix) {
  std::vector<std::string> found;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) found.push_back(line);
  }
  return found;
}

TEST(Scale, TwentyTabsKeepEveryInvariant) {
  const ProcessOutput result = runSandbrowser({"--headless", "--scale", "20", "--scale-seed", "7"});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(linesStartingWith(result.out, "FAILED").empty()) << result.out;

  const std::vector<std::string> ok = linesStartingWith(result.out, "ok ");
  ASSERT_EQ(ok.size(), 4u) << result.out;
  EXPECT_TRUE(contains(ok[0], "no tab changed state but the 2 killed")) << ok[0];
  EXPECT_TRUE(contains(ok[1], "all 2 killed tabs reopened in new renderers")) << ok[1];
  EXPECT_TRUE(contains(ok[2], "no zombie")) << ok[2];
  EXPECT_TRUE(contains(ok[3], "no leaked fd")) << ok[3];

  // Every figure is there with its target; the seed is printed so the run can be repeated.
  for (const char* figure :
       {"time to open all 20 tabs", "PSS per renderer", "UI event-loop lag p99", "PSS total",
        "browser CPU", "messages/s through the browser"}) {
    EXPECT_TRUE(contains(result.out, figure)) << figure << "\n" << result.out;
  }
  const std::vector<std::string> animating = linesStartingWith(result.out, "tabs animating");
  ASSERT_EQ(animating.size(), 1u) << result.out;
  EXPECT_TRUE(animating[0].ends_with(" 20 of 20")) << animating[0];
  EXPECT_TRUE(contains(result.out, "(seed 7)")) << result.out;
  // Progress on stderr, the report alone on stdout.
  EXPECT_TRUE(contains(result.err, "[scale")) << result.err;
  EXPECT_FALSE(contains(result.out, "[scale")) << result.out;
}

TEST(ScaleFlags, TheTabCountMustBeAWholeNumberFromOneToFiveHundred) {
  for (const char* bad : {"0", "501", "-3", "many", "2.5"}) {
    const ProcessOutput result = runSandbrowser({"--headless", std::string("--scale=") + bad});
    EXPECT_EQ(result.exit_code, 2) << bad;
    EXPECT_TRUE(contains(result.err, "--scale: \"" + std::string(bad) + "\" is not a tab count"))
        << result.err;
    EXPECT_TRUE(contains(result.err, "from 1 to 500")) << result.err;
  }
}

TEST(ScaleFlags, NeedsHeadless) {
  const ProcessOutput result = runSandbrowser({"--scale=5"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(contains(result.err, "--scale needs --headless")) << result.err;
}

TEST(ScaleFlags, RefusesOtherRunsAndFlagsThatWouldChangeWhatItMeasures) {
  for (const char* flag : {"--demo", "--compare-models", "--no-sandbox", "--process-model=per-site",
                           "--auto-reload-crashed"}) {
    const ProcessOutput result = runSandbrowser({"--headless", "--scale=5", flag});
    EXPECT_EQ(result.exit_code, 2) << flag;
    EXPECT_TRUE(contains(result.err, "leave out --")) << flag << ": " << result.err;
  }
}

TEST(ScaleFlags, TheSeedNeedsScaleAndMustBeANumber) {
  const ProcessOutput alone = runSandbrowser({"--headless", "--scale-seed=3"});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_TRUE(contains(alone.err, "--scale-seed needs --scale")) << alone.err;
  const ProcessOutput bad = runSandbrowser({"--headless", "--scale=5", "--scale-seed=x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(contains(bad.err, "--scale-seed: \"x\" is not a seed")) << bad.err;
}

}  // namespace
}  // namespace sb::testing
