#include "apps/browser/core/renderer_assignment.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

constexpr AssignmentPolicy kPerTab{ProcessModel::kPerTab, kNoRendererProcessLimit};
constexpr AssignmentPolicy kPerSite{ProcessModel::kPerSite, kNoRendererProcessLimit};

AssignmentPolicy limited(ProcessModel model, int limit) { return {model, limit}; }

RendererCandidate renderer(size_t tabs, std::set<QString> sites = {}, bool accepts = true) {
  return {tabs, std::move(sites), accepts};
}

const QString kClock = QStringLiteral("demo://clock");
const QString kNews = QStringLiteral("demo://news");
const QString kExample = QStringLiteral("https://example.com");

TEST(RendererAssignment, PerTabWithoutALimitAlwaysStartsANewRenderer) {
  EXPECT_EQ(chooseRenderer(kPerTab, {}, kClock), std::nullopt);
  EXPECT_EQ(chooseRenderer(kPerTab, {renderer(1, {kClock}), renderer(1, {kNews})}, kClock),
            std::nullopt);
}

TEST(RendererAssignment, PerSiteJoinsTheRendererOfTheSameSite) {
  EXPECT_EQ(chooseRenderer(kPerSite, {renderer(1, {kNews}), renderer(2, {kClock})}, kClock), 1u);
  EXPECT_EQ(chooseRenderer(kPerSite, {renderer(1, {kNews})}, kClock), std::nullopt);
  EXPECT_EQ(chooseRenderer(kPerSite, {}, kClock), std::nullopt);
}

TEST(RendererAssignment, PerSiteNeverGroupsTabsWithoutASite) {
  EXPECT_EQ(chooseRenderer(kPerSite, {renderer(1, {QString()})}, QString()), std::nullopt);
}

TEST(RendererAssignment, PerSiteTakesTheLeastLoadedOfSeveralSameSiteRenderers) {
  // Two renderers of one site happen after a limit is raised, or a model switch.
  EXPECT_EQ(chooseRenderer(kPerSite, {renderer(3, {kClock}), renderer(1, {kClock, kNews})}, kClock),
            1u);
}

TEST(RendererAssignment, UnderTheLimitANewRendererStarts) {
  EXPECT_EQ(chooseRenderer(limited(ProcessModel::kPerTab, 2), {renderer(4)}, kClock), std::nullopt);
  EXPECT_EQ(chooseRenderer(limited(ProcessModel::kPerTab, 1), {}, kClock), std::nullopt);
}

TEST(RendererAssignment, AtTheLimitTheLeastLoadedRendererIsShared) {
  const auto policy = limited(ProcessModel::kPerTab, 2);
  EXPECT_EQ(chooseRenderer(policy, {renderer(3), renderer(2)}, kClock), 1u);
  EXPECT_EQ(chooseRenderer(policy, {renderer(1), renderer(2)}, kClock), 0u);
  EXPECT_EQ(chooseRenderer(limited(ProcessModel::kPerTab, 1), {renderer(5)}, kClock), 0u);
}

TEST(RendererAssignment, ATieGoesToTheEarliestRenderer) {
  const auto policy = limited(ProcessModel::kPerTab, 3);
  EXPECT_EQ(chooseRenderer(policy, {renderer(2), renderer(1), renderer(1)}, kClock), 1u);
}

TEST(RendererAssignment, OverTheLimitStillShares) {
  // The limit was lowered in the settings while more renderers ran.
  EXPECT_EQ(chooseRenderer(limited(ProcessModel::kPerTab, 2),
                           {renderer(2), renderer(1), renderer(3)}, kClock),
            1u);
}

TEST(RendererAssignment, PerSiteWithALimitPrefersTheSameSiteOverTheLeastLoaded) {
  const auto policy = limited(ProcessModel::kPerSite, 2);
  const std::vector<RendererCandidate> live{renderer(3, {kClock}), renderer(1, {kNews})};
  EXPECT_EQ(chooseRenderer(policy, live, kClock), 0u);
  EXPECT_EQ(chooseRenderer(policy, live, kExample), 1u);  // no renderer of its own: least loaded
}

TEST(RendererAssignment, ARendererThatAcceptsNoTabsCountsButIsNeverChosen) {
  const auto policy = limited(ProcessModel::kPerSite, 2);
  // Hung (or being killed) and least loaded: the other one is shared instead.
  EXPECT_EQ(chooseRenderer(policy, {renderer(0, {}, false), renderer(4, {kNews})}, kClock), 1u);
  // Hung and of the same site: not joined; under the limit a new renderer starts.
  EXPECT_EQ(chooseRenderer(kPerSite, {renderer(1, {kClock}, false)}, kClock), std::nullopt);
  // At the limit with nothing to join, the limit gives: a tab always gets a renderer.
  EXPECT_EQ(chooseRenderer(limited(ProcessModel::kPerTab, 1), {renderer(1, {}, false)}, kClock),
            std::nullopt);
  // It still counts toward the limit.
  EXPECT_EQ(chooseRenderer(policy, {renderer(1, {}, false), renderer(1, {kNews})}, kClock), 1u);
}

TEST(RendererAssignment, PerSiteSwapsRenderersOnlyWhenTheSiteChanges) {
  EXPECT_TRUE(navigationKeepsRenderer(ProcessModel::kPerSite, kClock, kClock));
  EXPECT_FALSE(navigationKeepsRenderer(ProcessModel::kPerSite, kClock, kNews));
  EXPECT_FALSE(navigationKeepsRenderer(ProcessModel::kPerSite, kExample, kClock));
}

TEST(RendererAssignment, SingleProcessGivesEveryTabItsOwnThreadUpToTheLimit) {
  const AssignmentPolicy threads{ProcessModel::kSingleProcess, kNoRendererProcessLimit};
  EXPECT_EQ(chooseRenderer(threads, {renderer(1, {kClock})}, kClock), std::nullopt);
  EXPECT_EQ(chooseRenderer(limited(ProcessModel::kSingleProcess, 1), {renderer(1, {kNews})}, kClock),
            0u);
  EXPECT_TRUE(navigationKeepsRenderer(ProcessModel::kSingleProcess, kClock, kNews));
}

TEST(RendererAssignment, PerTabNeverSwaps) {
  EXPECT_TRUE(navigationKeepsRenderer(ProcessModel::kPerTab, kClock, kNews));
  EXPECT_TRUE(navigationKeepsRenderer(ProcessModel::kPerTab, kExample, kClock));
}

}  // namespace
}  // namespace sb::browser
