#include "apps/browser/core/disabled_layers.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

TEST(DisabledSandboxLayers, CommaListsAndRepeatedFlagsMergeWithoutDuplicates) {
  auto parsed = parseDisabledSandboxLayers({QStringLiteral("landlock,seccomp-bpf"), QStringLiteral("landlock")});
  ASSERT_TRUE(std::holds_alternative<std::vector<std::string>>(parsed));
  EXPECT_EQ(std::get<std::vector<std::string>>(parsed), (std::vector<std::string>{"landlock", "seccomp-bpf"}));
}

TEST(DisabledSandboxLayers, UnknownLayerIsAnErrorThatListsTheKnownOnes) {
  auto parsed = parseDisabledSandboxLayers({QStringLiteral("landlock,selinux")});
  ASSERT_TRUE(std::holds_alternative<QString>(parsed));
  const QString error = std::get<QString>(parsed);
  EXPECT_TRUE(error.contains(QStringLiteral("'selinux'"))) << error.toStdString();
  EXPECT_TRUE(error.contains(QStringLiteral("seccomp-bpf"))) << error.toStdString();
}

TEST(DisabledSandboxLayers, SpawnTimeLayersCannotBeDisabledThisWay) {
  // Namespaces are set up by the launcher; leaving one off is not the child's choice.
  EXPECT_TRUE(std::holds_alternative<QString>(parseDisabledSandboxLayers({QStringLiteral("user-namespace")})));
  EXPECT_TRUE(std::holds_alternative<QString>(parseDisabledSandboxLayers({QStringLiteral("die-with-browser")})));
}

TEST(DisabledSandboxLayers, AnEmptyValueIsAnError) {
  EXPECT_TRUE(std::holds_alternative<QString>(parseDisabledSandboxLayers({QStringLiteral(",")})));
}

}  // namespace
}  // namespace sb::browser
