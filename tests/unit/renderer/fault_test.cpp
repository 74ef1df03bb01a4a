#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

using std::chrono::milliseconds;
constexpr size_t kMiB = size_t{1} << 20;

struct FaultCase {
  const char* url;
  const char* call;
};

// Names the case by its URL in test listings (CTest shows it) instead of raw struct bytes.
void PrintTo(const FaultCase& c, std::ostream* os) { *os << (*c.url ? c.url : "(empty URL)"); }

class FaultPages : public ::testing::TestWithParam<FaultCase> {};

TEST_P(FaultPages, ShowTheirPageFirstThenCallTheirFault) {
  CoreHarness harness;
  harness.navigate(1, GetParam().url);
  EXPECT_EQ(harness.timeline, (std::vector<std::string>{"send:display_list", GetParam().call}));
  EXPECT_TRUE(respectsWireLimits(harness.lastList(1)));
}

INSTANTIATE_TEST_SUITE_P(Renderer, FaultPages,
                         ::testing::Values(FaultCase{"demo://crash", "segv"},
                                           FaultCase{"demo://abort", "abort"},
                                           FaultCase{"demo://hang", "hang"},
                                           FaultCase{"demo://exit", "exit:3"},
                                           FaultCase{"demo://exit?code=0", "exit:0"},
                                           FaultCase{"demo://exit?code=255", "exit:255"}));

TEST(FaultPages, TheHangPageSaysTheRendererIsAboutToBusyLoop) {
  CoreHarness harness;
  harness.navigate(1, "demo://hang");
  EXPECT_NE(allText(harness.lastList(1)).find("busy loop"), std::string::npos);
}

TEST(FaultPages, TheExitPageSaysWhichCode) {
  CoreHarness harness;
  harness.navigate(1, "demo://exit?code=42");
  EXPECT_NE(allText(harness.lastList(1)).find("exit with code 42"), std::string::npos);
}

TEST(DebugFault, EachKindCallsItsAction) {
  CoreHarness harness;
  harness.debugFault(1, wire::DebugFault::KIND_SEGV);
  harness.debugFault(1, wire::DebugFault::KIND_ABORT);
  harness.debugFault(1, wire::DebugFault::KIND_HANG);
  harness.debugFault(1, wire::DebugFault::KIND_EXIT, 9);
  harness.debugFault(1, wire::DebugFault::KIND_EXIT, 1000);
  harness.debugFault(1, wire::DebugFault::KIND_UNSPECIFIED);
  EXPECT_EQ(harness.timeline,
            (std::vector<std::string>{"segv", "abort", "hang", "exit:9", "exit:255"}));
}

TEST(LeakPage, GrowsBy16MiBEvery200MsAndReleasesOnNavigation) {
  CoreHarness harness;
  harness.navigate(1, "demo://leak");
  EXPECT_EQ(harness.faults.heldBytes(), 0u);
  harness.scheduler.advance(milliseconds(199));
  EXPECT_EQ(harness.faults.heldBytes(), 0u);
  harness.scheduler.advance(milliseconds(1));
  EXPECT_EQ(harness.faults.heldBytes(), 16 * kMiB);
  harness.scheduler.advance(milliseconds(400));
  EXPECT_EQ(harness.faults.heldBytes(), 48 * kMiB);
  EXPECT_EQ(harness.lastList(1).title(), "Leak (48 MiB)");
  EXPECT_NE(allText(harness.lastList(1)).find("48 MiB allocated"), std::string::npos);

  harness.navigate(1, "demo://home", 2);
  EXPECT_EQ(harness.faults.heldBytes(), 0u);
  EXPECT_EQ(harness.scheduler.activeTimers(), 0u);
}

TEST(LeakPage, StopsAtTheOneGiBCeiling) {
  CoreHarness harness;
  harness.navigate(1, "demo://leak");
  harness.scheduler.advance(milliseconds(200 * 100));
  EXPECT_EQ(harness.faults.heldBytes(), 1024 * kMiB);
  EXPECT_EQ(harness.scheduler.activeTimers(), 0u);
  EXPECT_NE(allText(harness.lastList(1)).find("ceiling"), std::string::npos);
  EXPECT_TRUE(respectsWireLimits(harness.lastList(1)));
}

TEST(LeakPage, AFailedAllocationStopsTheGrowth) {
  CoreHarness harness;
  harness.faults.fail_allocations = true;
  harness.navigate(1, "demo://leak");
  harness.scheduler.advance(milliseconds(1000));
  EXPECT_EQ(harness.scheduler.activeTimers(), 0u);
  EXPECT_NE(allText(harness.lastList(1)).find("allocation failed"), std::string::npos);
}

}  // namespace
}  // namespace sb::renderer::testing
