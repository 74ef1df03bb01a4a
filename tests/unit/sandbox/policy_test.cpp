#include <gtest/gtest.h>

#include "common/base/sanitizers.h"
#include "common/sandbox/child_flags.h"
#include "common/sandbox/sandbox_policy.h"

namespace sb::sandbox {
namespace {

constexpr uint64_t kGiB = uint64_t{1} << 30;

TEST(SandboxPolicy, ARendererGetsFourGibibytesSixtyFourFilesAndNoNewProcesses) {
  const SandboxPolicy policy = policyFor(wire::PROCESS_KIND_RENDERER);
  EXPECT_TRUE(policy.enabled);
  EXPECT_EQ(policy.address_space_bytes, kSanitizerBuild ? 0 : 4 * kGiB);
  EXPECT_EQ(policy.max_open_fds, 64u);
  EXPECT_FALSE(policy.allow_new_processes);
  EXPECT_TRUE(policy.keep_stdio);
}

TEST(SandboxPolicy, TheGpuProcessGetsMoreAddressSpace) {
  if (kSanitizerBuild) {
    EXPECT_EQ(policyFor(wire::PROCESS_KIND_GPU).address_space_bytes, 0u);
    return;
  }
  EXPECT_GT(policyFor(wire::PROCESS_KIND_GPU).address_space_bytes,
            policyFor(wire::PROCESS_KIND_RENDERER).address_space_bytes);
  EXPECT_EQ(policyFor(wire::PROCESS_KIND_TEST).address_space_bytes, 4 * kGiB);
}

std::vector<char*> argv(std::vector<std::string>& words) {
  std::vector<char*> out;
  for (auto& word : words) out.push_back(word.data());
  return out;
}

TEST(ChildSandboxFlags, ReadsWhatTheLauncherPassed) {
  std::vector<std::string> words{"child", "--ipc-fd=3", "--crash-fd=2",
                                 "--sandbox-namespaces=user,net"};
  auto args = argv(words);
  const auto flags = parseChildSandboxFlags(args);
  EXPECT_TRUE(flags.enabled);
  EXPECT_EQ(flags.crash_fd, 2);  // stderr stands in for an open descriptor
  ASSERT_TRUE(flags.namespaces);
  EXPECT_TRUE(flags.namespaces->user);
  EXPECT_TRUE(flags.namespaces->net);
  EXPECT_FALSE(flags.namespaces->pid);
  EXPECT_FALSE(flags.namespaces->ipc);
}

TEST(ChildSandboxFlags, NoSandboxAndNoNamespacesAreNoticed) {
  std::vector<std::string> words{"child", "--no-sandbox"};
  auto args = argv(words);
  const auto flags = parseChildSandboxFlags(args);
  EXPECT_FALSE(flags.enabled);
  EXPECT_FALSE(flags.namespaces);
  EXPECT_FALSE(flags.crash_fd);
}

TEST(ChildSandboxFlags, ACrashFdThatIsNotOpenOrNotANumberIsIgnored) {
  std::vector<std::string> words{"child", "--crash-fd=987", "--sandbox-namespaces="};
  auto args = argv(words);
  auto flags = parseChildSandboxFlags(args);
  EXPECT_FALSE(flags.crash_fd);
  ASSERT_TRUE(flags.namespaces);
  EXPECT_FALSE(flags.namespaces->any());
  words = {"child", "--crash-fd=4x"};
  args = argv(words);
  EXPECT_FALSE(parseChildSandboxFlags(args).crash_fd);
}

}  // namespace
}  // namespace sb::sandbox
