// `sandbrowser --headless --chaos 15 --seed 7` run as a process, CI-sized: it exits 0, and its
// summary shows events of several kinds, signals delivered and invariants checked; and bad flags.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/integration/control/run_process.h"

namespace sb::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The number after `label` on the line that starts with it (after any indent); -1 if none.
long long valueOf(const std::string& text, const std::string& label) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto start = line.find_first_not_of(' ');
    if (start == std::string::npos || line.compare(start, label.size(), label) != 0) continue;
    std::istringstream rest(line.substr(start + label.size()));
    long long value = -1;
    if (rest >> value) return value;
  }
  return -1;
}

TEST(ChaosFlags, TheSecondsMustBeAWholeNumberFromOneToADay) {
  for (const char* bad : {"0", "86401", "-5", "soon", "1.5"}) {
    const ProcessOutput result = runSandbrowser({"--headless", std::string("--chaos=") + bad});
    EXPECT_EQ(result.exit_code, 2) << bad;
    EXPECT_TRUE(contains(result.err, "--chaos: \"" + std::string(bad) + "\" is not a number of seconds"))
        << result.err;
    EXPECT_TRUE(contains(result.err, "from 1 to 86400")) << result.err;
  }
}

TEST(ChaosFlags, NeedsHeadless) {
  const ProcessOutput result = runSandbrowser({"--chaos=5"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(contains(result.err, "--chaos needs --headless")) << result.err;
}

TEST(ChaosFlags, TheSeedNeedsChaosAndMustBeANumber) {
  const ProcessOutput alone = runSandbrowser({"--headless", "--seed=3"});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_TRUE(contains(alone.err, "--seed needs --chaos")) << alone.err;
  const ProcessOutput bad = runSandbrowser({"--headless", "--chaos=5", "--seed=x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(contains(bad.err, "--seed: \"x\" is not a seed")) << bad.err;
}

TEST(ChaosFlags, RefusesOtherRunsAndTheSingleProcessModel) {
  for (const char* flag : {"--demo", "--scale=5", "--compare-models", "--control-socket=/tmp/x"}) {
    const ProcessOutput result = runSandbrowser({"--headless", "--chaos=5", flag});
    EXPECT_EQ(result.exit_code, 2) << flag;
    EXPECT_TRUE(contains(result.err, "leave out --")) << flag << ": " << result.err;
  }
  const ProcessOutput single =
      runSandbrowser({"--headless", "--chaos=5", "--process-model=single-process"});
  EXPECT_EQ(single.exit_code, 2);
  EXPECT_TRUE(contains(single.err, "single-process model ends the browser")) << single.err;
  const ProcessOutput urls = runSandbrowser({"--headless", "--chaos=5", "demo://news"});
  EXPECT_EQ(urls.exit_code, 2);
  EXPECT_TRUE(contains(urls.err, "leave out the URLs")) << urls.err;
}

TEST(Chaos, FifteenSecondsKeepEveryInvariant) {
  const ProcessOutput result = runSandbrowser({"--headless", "--chaos", "15", "--seed", "7"});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_FALSE(contains(result.out, "FAILED")) << result.out;
  EXPECT_EQ(valueOf(result.out, "violations"), 0) << result.out;
  EXPECT_TRUE(contains(result.out, "seed 7")) << result.out;

  // Several kinds of event happened, and children were really signalled.
  int kinds = 0;
  for (const char* kind : {"signal", "stop, then continue", "debug fault", "fault page", "bad-IPC page",
                           "navigate", "reload", "open or close tab", "control request"}) {
    kinds += valueOf(result.out, kind) > 0;
  }
  EXPECT_GE(kinds, 5) << result.out;
  EXPECT_GT(valueOf(result.out, "steps"), 30) << result.out;
  EXPECT_TRUE(contains(result.out, "  renderer  ")) << result.out;
  EXPECT_GT(valueOf(result.out, "tab crashes seen"), 0) << result.out;

  // Checked after every step and at the end, footprint included.
  EXPECT_GT(valueOf(result.out, "invariant checks"), 100) << result.out;
  EXPECT_GT(valueOf(result.out, "IPC log records checked in order"), 0) << result.out;
  EXPECT_TRUE(contains(result.out, "browser fds: first tabs / end")) << result.out;
  EXPECT_TRUE(contains(result.out, "browser RSS: first tabs / end")) << result.out;
  // Progress on stderr, the summary alone on stdout.
  EXPECT_TRUE(contains(result.err, "[chaos")) << result.err;
  EXPECT_FALSE(contains(result.out, "[chaos")) << result.out;
}

}  // namespace
}  // namespace sb::testing
