// What a child reports: the sandbox switched off, layers that engaged or not, namespace layers.
#include <errno.h>
#include <gtest/gtest.h>

#include "common/process/namespaces.h"
#include "common/sandbox/engage.h"
#include "common/sandbox/layer.h"

namespace sb::sandbox {
namespace {

TEST(SandboxStatus, SwitchedOffItIsDisabledWithNoLayerAtAll) {
  SandboxPolicy policy;
  policy.enabled = false;
  const auto status = engageSandbox(policy, {});
  EXPECT_FALSE(status.enabled());
  EXPECT_EQ(status.layers_size(), 0);
}

TEST(SandboxStatus, ALayerThatFailedSaysWhyWithTheErrno) {
  const auto layer = failedLayer("landlock", "landlock_create_ruleset(VERSION)", ENOSYS);
  EXPECT_EQ(layer.name(), "landlock");
  EXPECT_FALSE(layer.engaged());
  EXPECT_EQ(layer.detail(), "landlock_create_ruleset(VERSION): ENOSYS (Function not implemented)");
  const auto ok = engagedLayer("seccomp-bpf", "allowlist");
  EXPECT_TRUE(ok.engaged());
  EXPECT_EQ(ok.detail(), "allowlist");
}

TEST(SandboxStatus, SpawnNamespacesBecomeLayersInAFixedOrder) {
  wire::SandboxStatus status;
  addNamespaceLayers(process::Namespaces::parse("ipc,user,net"), status);
  ASSERT_EQ(status.layers_size(), 3);
  EXPECT_EQ(status.layers(0).name(), "user-namespace");
  EXPECT_EQ(status.layers(1).name(), "net-namespace");
  EXPECT_EQ(status.layers(2).name(), "ipc-namespace");
  for (const auto& layer : status.layers()) EXPECT_TRUE(layer.engaged());
}

TEST(Namespaces, ListAndParseAreInverse) {
  EXPECT_EQ(process::Namespaces::all().list(), "user,pid,net,ipc");
  EXPECT_EQ(process::Namespaces{}.list(), "");
  EXPECT_EQ(process::Namespaces::parse("net,bogus,pid").list(), "pid,net");
  EXPECT_FALSE(process::Namespaces::parse("").any());
}

TEST(Namespaces, OutcomesSortIntoReportingOrder) {
  auto outcomes = process::failedOutcomes(process::Namespaces::parse("ipc,net"), "clone3: EPERM");
  auto pid = process::failedOutcomes(process::Namespaces::parse("pid"), "no init");
  auto user = process::engagedOutcomes(process::Namespaces::parse("user"));
  outcomes.insert(outcomes.end(), pid.begin(), pid.end());
  outcomes.insert(outcomes.end(), user.begin(), user.end());
  process::sortOutcomes(outcomes);
  ASSERT_EQ(outcomes.size(), 4u);
  EXPECT_EQ(outcomes[0].name, "user");
  EXPECT_TRUE(outcomes[0].engaged);
  EXPECT_EQ(outcomes[1].name, "pid");
  EXPECT_EQ(outcomes[1].detail, "no init");
  EXPECT_EQ(outcomes[2].name, "net");
  EXPECT_EQ(outcomes[3].detail, "clone3: EPERM");
}

}  // namespace
}  // namespace sb::sandbox
