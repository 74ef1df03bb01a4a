#include "common/sandbox/landlock_abi.h"

#include <gtest/gtest.h>

#include <bit>

namespace sb::sandbox::landlock {
namespace {

TEST(LandlockAbi, EveryFilesystemRightOfEachVersionIsHandled) {
  EXPECT_EQ(filesystemRights(0), 0u);
  EXPECT_EQ(std::popcount(filesystemRights(1)), 13);
  EXPECT_EQ(std::popcount(filesystemRights(2)), 14);  // + refer
  EXPECT_EQ(std::popcount(filesystemRights(3)), 15);  // + truncate
  EXPECT_EQ(filesystemRights(4), filesystemRights(3));
  EXPECT_EQ(std::popcount(filesystemRights(5)), 16);  // + ioctl on devices
  EXPECT_EQ(filesystemRights(7), filesystemRights(5));
}

TEST(LandlockAbi, NetworkFromFourScopesFromSix) {
  EXPECT_EQ(networkRights(3), 0u);
  EXPECT_EQ(networkRights(4), kAccessNetBindTcp | kAccessNetConnectTcp);
  EXPECT_EQ(scopes(5), 0u);
  EXPECT_EQ(scopes(6), kScopeAbstractUnixSocket | kScopeSignal);
}

TEST(LandlockAbi, OlderKernelsAreGivenOnlyTheAttributeTheyKnow) {
  EXPECT_EQ(rulesetAttrSize(1), 8u);
  EXPECT_EQ(rulesetAttrSize(3), 8u);
  EXPECT_EQ(rulesetAttrSize(4), 16u);
  EXPECT_EQ(rulesetAttrSize(5), 16u);
  EXPECT_EQ(rulesetAttrSize(6), 24u);
}

}  // namespace
}  // namespace sb::sandbox::landlock
