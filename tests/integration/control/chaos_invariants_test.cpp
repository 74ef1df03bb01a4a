// The chaos soak's invariants fed made-up browsers: each fault is reported once it has lasted past
// its grace, and a sound browser passes. No process is started.
#include <gtest/gtest.h>

#include "apps/browser/headless/chaos_invariants.h"

namespace sb::browser {
namespace {

using std::chrono::milliseconds;

constexpr uint64_t kSecond = 1'000'000'000;

ChaosTabView liveTab(int id, TabState state = TabState::kLoaded) {
  return {.id = id, .state = state, .has_renderer = true, .renderer_known = true};
}

// A browser (pid 100) with a GPU process under its namespace init and one renderer.
ChaosSnapshot soundSnapshot(uint64_t now_ns = kSecond) {
  ChaosSnapshot snapshot;
  snapshot.now_ns = now_ns;
  snapshot.tabs = {liveTab(1), {.id = 2, .state = TabState::kCrashed, .crash_reason = "killed by SIGKILL (9)"}};
  snapshot.known_pids = {201, 300};
  snapshot.processes = {{200, 100, 'S'}, {201, 200, 'S'}, {300, 100, 'R'}};
  return snapshot;
}

TEST(ChaosInvariants, ASoundBrowserPasses) {
  ChaosInvariants invariants;
  EXPECT_TRUE(invariants.checkSnapshot(soundSnapshot()).isEmpty());
  EXPECT_GT(invariants.checks(), 0u);
}

TEST(ChaosInvariants, ATabInNoValidStateIsReported) {
  ChaosInvariants invariants;
  ChaosSnapshot snapshot = soundSnapshot();
  snapshot.tabs.push_back({.id = 3, .state = TabState::kCrashed});  // no reason
  snapshot.tabs.push_back({.id = 4, .state = TabState::kLoaded});   // no renderer
  snapshot.tabs.push_back({.id = 5, .state = TabState::kUnresponsive, .has_renderer = true});
  snapshot.tabs.push_back({.id = 6, .state = static_cast<TabState>(42), .has_renderer = true});
  const QStringList violations = invariants.checkSnapshot(snapshot);
  ASSERT_EQ(violations.size(), 4) << violations.join('\n').toStdString();
  EXPECT_TRUE(violations[0].contains("tab 3 is crashed with no reason"));
  EXPECT_TRUE(violations[1].contains("tab 4 is loaded with no renderer"));
  EXPECT_TRUE(violations[2].contains("tab 5 is unresponsive with a renderer the browser does not list"));
  EXPECT_TRUE(violations[3].contains("tab 6 is in no known state"));
}

TEST(ChaosInvariants, AnUnknownChildIsReportedOnlyPastItsGrace) {
  ChaosInvariants invariants({.unaccounted = milliseconds(10'000)});
  ChaosSnapshot snapshot = soundSnapshot();
  snapshot.processes.push_back({666, 100, 'S'});
  EXPECT_TRUE(invariants.checkSnapshot(snapshot).isEmpty());  // just exiting, perhaps
  snapshot.now_ns += 9 * kSecond;
  EXPECT_TRUE(invariants.checkSnapshot(snapshot).isEmpty());
  snapshot.now_ns += 2 * kSecond;
  const QStringList violations = invariants.checkSnapshot(snapshot);
  ASSERT_EQ(violations.size(), 1);
  EXPECT_TRUE(violations[0].contains("pid 666 (child of 100")) << violations[0].toStdString();
  EXPECT_TRUE(violations[0].contains("no host of the browser holding it"));

  // Gone and back later: its clock starts again.
  ChaosInvariants again({.unaccounted = milliseconds(10'000)});
  snapshot = soundSnapshot();
  snapshot.processes.push_back({666, 100, 'S'});
  EXPECT_TRUE(again.checkSnapshot(snapshot).isEmpty());
  snapshot.processes.pop_back();
  snapshot.now_ns += 11 * kSecond;
  EXPECT_TRUE(again.checkSnapshot(snapshot).isEmpty());
  snapshot.processes.push_back({666, 100, 'S'});
  snapshot.now_ns += kSecond;
  EXPECT_TRUE(again.checkSnapshot(snapshot).isEmpty());
}

TEST(ChaosInvariants, AZygotesRenderersAndANamespaceInitAreAccounted) {
  ChaosInvariants invariants({.unaccounted = milliseconds(0)});
  ChaosSnapshot snapshot = soundSnapshot();
  // init 400 -> zygote 401 -> renderer 402, all held through the zygote's and renderer's hosts.
  snapshot.known_pids.insert({401, 402});
  snapshot.processes.insert(snapshot.processes.end(), {{400, 100, 'S'}, {401, 400, 'S'}, {402, 401, 'S'}});
  EXPECT_TRUE(invariants.checkSnapshot(snapshot).isEmpty());
  // A renderer the zygote forked that no host holds any more.
  snapshot.processes.push_back({403, 401, 'S'});
  const QStringList violations = invariants.checkSnapshot(snapshot);
  ASSERT_EQ(violations.size(), 1);
  EXPECT_TRUE(violations[0].contains("pid 403")) << violations[0].toStdString();
}

TEST(ChaosInvariants, AZombieIsReportedPastItsGrace) {
  ChaosInvariants invariants({.zombie = milliseconds(10'000)});
  ChaosSnapshot snapshot = soundSnapshot();
  snapshot.processes[2].state = 'Z';
  EXPECT_TRUE(invariants.checkSnapshot(snapshot).isEmpty());
  snapshot.now_ns += 10 * kSecond;
  const QStringList violations = invariants.checkSnapshot(snapshot);
  ASSERT_EQ(violations.size(), 1);
  EXPECT_TRUE(violations[0].contains("pid 300 (child of 100) has been a zombie for 10.0 s"))
      << violations[0].toStdString();
}

TEST(ChaosInvariants, ATabLoadingForeverIsReported) {
  ChaosInvariants invariants({.loading = milliseconds(30'000)});
  ChaosSnapshot snapshot = soundSnapshot();
  snapshot.tabs[0].state = TabState::kLoading;
  EXPECT_TRUE(invariants.checkSnapshot(snapshot).isEmpty());
  snapshot.now_ns += 31 * kSecond;
  const QStringList violations = invariants.checkSnapshot(snapshot);
  ASSERT_EQ(violations.size(), 1);
  EXPECT_TRUE(violations[0].contains("tab 1 has been loading for 31.0 s")) << violations[0].toStdString();
}

TEST(ChaosInvariants, AStalledEventLoopIsReported) {
  ChaosInvariants invariants({.loop_lag = milliseconds(3'000)});
  ChaosSnapshot snapshot = soundSnapshot();
  snapshot.loop_lag = milliseconds(3'500);
  const QStringList violations = invariants.checkSnapshot(snapshot);
  ASSERT_EQ(violations.size(), 1);
  EXPECT_TRUE(violations[0].contains("stalled for 3500 ms"));
}

TEST(ChaosInvariants, ACallLeftWaitingPastItsGraceIsReported) {
  ChaosInvariants invariants({.call = milliseconds(15'000)});
  ChaosSnapshot snapshot = soundSnapshot(20 * kSecond);
  snapshot.oldest_call_ns = 10 * kSecond;  // waited 10 s: a stopped plugin, say
  EXPECT_TRUE(invariants.checkSnapshot(snapshot).isEmpty());
  snapshot.oldest_call_ns = 4 * kSecond;
  const QStringList violations = invariants.checkSnapshot(snapshot);
  ASSERT_EQ(violations.size(), 1);
  EXPECT_TRUE(violations[0].contains("has waited 16000 ms")) << violations[0].toStdString();
}

IpcRecord record(uint64_t index, uint64_t time_ns) {
  IpcRecord r;
  r.index = index;
  r.time_ns = time_ns;
  return r;
}

TEST(ChaosInvariants, TheIpcLogMustStayInOrder) {
  ChaosInvariants invariants;
  EXPECT_TRUE(invariants.checkIpcRecords({record(1, 10), record(2, 10), record(3, 12)}, 3, 0).isEmpty());
  EXPECT_TRUE(invariants.checkIpcRecords({}, 3, 0).isEmpty());
  // A gap with nothing dropped, and a record older than the one before it.
  const QStringList gap = invariants.checkIpcRecords({record(5, 13)}, 5, 0);
  ASSERT_EQ(gap.size(), 1);
  EXPECT_TRUE(gap[0].contains("record 5 follows record 3"));
  const QStringList older = invariants.checkIpcRecords({record(6, 11)}, 6, 0);
  ASSERT_EQ(older.size(), 1);
  EXPECT_TRUE(older[0].contains("record 6 is 2 ns older"));
  // Past the ring's capacity a gap is the oldest records dropped, not disorder.
  EXPECT_TRUE(invariants.checkIpcRecords({record(100, 20)}, 100, 93).isEmpty());
  // The log claiming more than its records hold.
  EXPECT_EQ(invariants.checkIpcRecords({record(101, 20)}, 102, 93).size(), 1);
}

TEST(ChaosInvariants, ARequestThatMustBeRefusedAndIsNotIsReported) {
  ChaosInvariants invariants;
  EXPECT_TRUE(invariants.checkRefused("kill self", true).isEmpty());
  EXPECT_EQ(invariants.checkRefused("kill self", false).size(), 1);
}

TEST(ChaosFootprint, DescriptorsAndMemoryMustComeBack) {
  const ChaosFootprint start{.fds = 40, .rss_kb = 100 * 1024, .ipc_records = 1000, .ipc_payload_bytes = 0};
  ChaosFootprint end = start;
  end.fds = 40 + kFdSlack;
  end.rss_kb = 200 * 1024 + kAddressSanitizerRssKb;  // twice (and the sanitizer's share): allowed
  EXPECT_TRUE(footprintViolations(start, end).isEmpty());
  end.fds += 1;
  end.rss_kb += 1024;
  const QStringList violations = footprintViolations(start, end);
  ASSERT_EQ(violations.size(), 2);
  EXPECT_TRUE(violations[0].contains("17 more than"));
  const long allowed_mib = (200 * 1024 + kAddressSanitizerRssKb) / 1024;
  EXPECT_TRUE(violations[1].contains(QString("%1 MiB, over the %2 MiB allowed").arg(allowed_mib + 1).arg(allowed_mib)))
      << violations[1].toStdString();
  // What the IPC log keeps by design is allowed on top.
  end.ipc_payload_bytes = 10 << 20;
  EXPECT_EQ(footprintViolations(start, end).size(), 1);
}

}  // namespace
}  // namespace sb::browser
