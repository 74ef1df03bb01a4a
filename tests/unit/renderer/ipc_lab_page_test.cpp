#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "apps/renderer/pages/ipc_kind_notes.h"
#include "apps/renderer/pages/log_bar_chart.h"
#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

using Report = wire::IpcLabReport;

std::vector<wire::IpcLabRequest> requests(const CoreHarness& harness, uint32_t tab) {
  std::vector<wire::IpcLabRequest> found;
  for (const auto& envelope : harness.sent) {
    if (envelope.tab_id() == tab && envelope.has_ipc_lab_request()) found.push_back(envelope.ipc_lab_request());
  }
  return found;
}

void deliver(CoreHarness& harness, uint32_t tab, const Report& report) {
  wire::Envelope envelope;
  envelope.set_tab_id(tab);
  *envelope.mutable_ipc_lab_report() = report;
  EXPECT_EQ(harness.core.handle(envelope), HandleResult::kHandled);
}

Report stateOnly(Report::State state) {
  Report report;
  report.set_state(state);
  report.set_helper_pid(77);
  return report;
}

void addRow(Report& report, const char* kind, const char* label, uint32_t bytes, double p50_us,
            double mib_per_s) {
  auto* row = report.add_rows();
  row->set_kind(kind);
  row->set_label(label);
  row->set_message_bytes(bytes);
  row->set_p50_us(p50_us);
  row->set_p99_us(p50_us * 2);
  row->set_mib_per_s(mib_per_s);
  row->set_ok(true);
}

Report doneReport() {
  Report report = stateOnly(Report::STATE_DONE);
  report.set_elapsed_ms(1500);
  addRow(report, "pipe", "anonymous pipe", 64, 31.8, 166);
  addRow(report, "shm", "shared memory ring + futex", 64, 0.21, 2400);
  addRow(report, "pipe", "anonymous pipe", 1 << 20, 480, 2100);
  addRow(report, "shm", "shared memory ring + futex", 1 << 20, 202, 10326);
  auto* broken = report.add_rows();
  broken->set_kind("mqueue");
  broken->set_label("POSIX message queue");
  broken->set_message_bytes(64);
  broken->set_ok(false);
  broken->set_error("mq_open: Function not implemented");
  return report;
}

// The centre of the first DrawText with exactly this text, in viewport coordinates (no scroll).
std::pair<int, int> centreOf(const wire::DisplayList& list, const std::string& text) {
  for (const auto& item : list.items()) {
    if (item.has_text() && item.text().text() == text) {
      const auto& r = item.text().rect();
      return {r.x() + r.width() / 2, r.y() + r.height() / 2};
    }
  }
  ADD_FAILURE() << "no text \"" << text << "\"";
  return {-1, -1};
}

bool shows(const CoreHarness& harness, const std::string& text) {
  return allText(harness.lastList(1)).find(text) != std::string::npos;
}

TEST(IpcLabPage, AsksOnlyForTheLatestReportOnceOnScreen) {
  CoreHarness harness;
  harness.navigate(1, "demo://ipc-lab", 5);
  const auto asked = requests(harness, 1);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_FALSE(asked[0].start());
  EXPECT_EQ(asked[0].navigation_id(), 5u);
  EXPECT_EQ(harness.timeline.front(), "send:display_list");  // the page is seen before it asks
  EXPECT_TRUE(shows(harness, "Asking the browser"));
}

TEST(IpcLabPage, EnterStartsOneRunAndTheProgressMovesUntilTheReportArrives) {
  CoreHarness harness;
  harness.navigate(1, "demo://ipc-lab");
  deliver(harness, 1, stateOnly(Report::STATE_NOT_RUN));
  EXPECT_TRUE(shows(harness, "Not run yet"));
  harness.press(1, wire::KeyInput::SPECIAL_ENTER);
  harness.press(1, wire::KeyInput::SPECIAL_ENTER);  // no second request while the first is unanswered
  auto asked = requests(harness, 1);
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_TRUE(asked[1].start());

  deliver(harness, 1, stateOnly(Report::STATE_RUNNING));
  EXPECT_TRUE(shows(harness, "Running in helper process pid 77"));
  const size_t lists = harness.listCount(1);
  harness.scheduler.advance(std::chrono::milliseconds(1000));
  EXPECT_GE(harness.listCount(1), lists + 3);
  harness.press(1, wire::KeyInput::SPECIAL_ENTER);  // running: nothing to start
  EXPECT_EQ(requests(harness, 1).size(), 2u);

  deliver(harness, 1, doneReport());
  EXPECT_EQ(harness.scheduler.activeTimers(), 0u);
  EXPECT_TRUE(shows(harness, "Run again"));
  harness.press(1, wire::KeyInput::SPECIAL_ENTER);
  EXPECT_EQ(requests(harness, 1).size(), 3u);
}

TEST(IpcLabPage, ClickingTheButtonStartsARun) {
  CoreHarness harness;
  harness.navigate(1, "demo://ipc-lab");
  deliver(harness, 1, stateOnly(Report::STATE_NOT_RUN));
  const auto [x, y] = centreOf(harness.lastList(1), "Run the benchmark");
  harness.click(1, x, y);
  const auto asked = requests(harness, 1);
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_TRUE(asked[1].start());
}

TEST(IpcLabPage, DrawsTheSmallestSizeFirstAndAnotherSizeOnItsChip) {
  CoreHarness harness;
  harness.navigate(1, "demo://ipc-lab", 1, 1024, 20000);
  deliver(harness, 1, doneReport());
  EXPECT_TRUE(shows(harness, "5 runs, each checked byte for byte"));
  EXPECT_TRUE(shows(harness, "31.8") || shows(harness, "32 \xC2\xB5s"));
  EXPECT_TRUE(shows(harness, "0.21 \xC2\xB5s (p99 0.42 \xC2\xB5s)"));
  EXPECT_TRUE(shows(harness, "2.3 GiB/s"));
  EXPECT_TRUE(shows(harness, "failed: mq_open: Function not implemented"));
  EXPECT_FALSE(shows(harness, "202 \xC2\xB5s"));

  const auto [x, y] = centreOf(harness.lastList(1), "1 MiB");
  harness.click(1, x, y);
  EXPECT_TRUE(shows(harness, "202 \xC2\xB5s"));
  EXPECT_TRUE(shows(harness, "10.1 GiB/s"));
  EXPECT_FALSE(shows(harness, "failed: mq_open"));  // that row was a 64 B one
}

TEST(IpcLabPage, AFailedRunSaysWhy) {
  CoreHarness harness;
  harness.navigate(1, "demo://ipc-lab");
  Report failed = stateOnly(Report::STATE_FAILED);
  failed.set_error("sandbrowser-ipcbench was not found beside the browser or on PATH");
  deliver(harness, 1, failed);
  EXPECT_TRUE(shows(harness, "The benchmark failed"));
  EXPECT_TRUE(shows(harness, "was not found beside the browser"));
  EXPECT_TRUE(respectsWireLimits(harness.lastList(1)));
}

TEST(IpcLabPage, EveryKindHasItsCostsSpelledOut) {
  CoreHarness harness;
  harness.navigate(1, "demo://ipc-lab", 1, 1024, 20000);
  for (const IpcKindNote& note : ipcKindNotes()) {
    EXPECT_TRUE(shows(harness, std::string(note.title))) << note.kind;
    EXPECT_FALSE(note.copies.empty() || note.kernel.empty() || note.sync.empty() || note.who.empty()) << note.kind;
  }
  for (const char* kind : {"pipe", "fifo", "unix-stream", "unix-seqpacket", "mqueue", "tcp", "shm", "threads", "channel"}) {
    EXPECT_NE(findIpcKindNote(kind), nullptr) << kind;
  }
  EXPECT_EQ(findIpcKindNote("carrier-pigeon"), nullptr);
}

TEST(IpcLabPage, OtherPagesIgnoreReports) {
  CoreHarness harness;
  harness.navigate(1, "demo://home");
  const size_t lists = harness.listCount(1);
  deliver(harness, 1, doneReport());
  EXPECT_EQ(harness.listCount(1), lists);
  EXPECT_TRUE(requests(harness, 1).empty());
}

TEST(LogBarChart, AxisSpansWholeDecadesAroundTheValues) {
  const LogAxis axis = logAxisFor({0.21, 31.8, 480});
  EXPECT_EQ(axis.low_exponent, -1);
  EXPECT_EQ(axis.high_exponent, 3);
  const LogAxis one = logAxisFor({100});
  EXPECT_EQ(one.low_exponent, 2);
  EXPECT_EQ(one.high_exponent, 3);
  const LogAxis none = logAxisFor({0, -3, std::nan("")});
  EXPECT_EQ(none.low_exponent, 0);
  EXPECT_EQ(none.high_exponent, 1);
}

TEST(LogBarChart, EachDecadeTakesAnEqualShareOfTheWidth) {
  const LogAxis axis{-1, 3};
  EXPECT_DOUBLE_EQ(logFraction(0.1, axis), 0.0);
  EXPECT_DOUBLE_EQ(logFraction(1, axis), 0.25);
  EXPECT_DOUBLE_EQ(logFraction(10, axis), 0.5);
  EXPECT_DOUBLE_EQ(logFraction(1000, axis), 1.0);
  EXPECT_NEAR(logFraction(std::sqrt(10.0), axis), 0.375, 1e-12);
  EXPECT_DOUBLE_EQ(logFraction(1e9, axis), 1.0);  // clamped
  EXPECT_DOUBLE_EQ(logFraction(0, axis), 0.0);
  EXPECT_DOUBLE_EQ(logFraction(-5, axis), 0.0);
}

TEST(LogBarChart, DecadeLabels) {
  EXPECT_EQ(decadeLabel(-2), "0.01");
  EXPECT_EQ(decadeLabel(-1), "0.1");
  EXPECT_EQ(decadeLabel(0), "1");
  EXPECT_EQ(decadeLabel(2), "100");
  EXPECT_EQ(decadeLabel(3), "1k");
  EXPECT_EQ(decadeLabel(4), "10k");
  EXPECT_EQ(decadeLabel(6), "1M");
}

}  // namespace
}  // namespace sb::renderer::testing
