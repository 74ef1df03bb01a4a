#include "common/process/command_line.h"

#include <gtest/gtest.h>

namespace sb::process {
namespace {

using Words = std::vector<std::string>;

TEST(SplitCommandWords, SplitsLikeAShell) {
  EXPECT_EQ(*splitCommandWords("gdb -ex run --args"), (Words{"gdb", "-ex", "run", "--args"}));
  EXPECT_EQ(*splitCommandWords("strace -o '/tmp/a b' -f"), (Words{"strace", "-o", "/tmp/a b", "-f"}));
  EXPECT_EQ(*splitCommandWords("  a\\ b \"c \\\"d\\\"\" "), (Words{"a b", "c \"d\""}));
  EXPECT_EQ(*splitCommandWords(""), Words{});
}

TEST(SplitCommandWords, UnterminatedQuoteIsAnError) { EXPECT_FALSE(splitCommandWords("gdb 'oops")); }

TEST(ResolveExecutable, FindsThingsOnPathAndRejectsMissingOnes) {
  EXPECT_TRUE(resolveExecutable("sh"));
  EXPECT_FALSE(resolveExecutable("definitely-not-a-binary-here"));
  EXPECT_FALSE(resolveExecutable("/nonexistent/bin"));
}

}  // namespace
}  // namespace sb::process
