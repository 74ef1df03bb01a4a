// Crash reports and crash loops with real children: a renderer that faults leaves a report with
// the backtrace it wrote itself; a kill, the GPU and a plugin are reported too; a tab closed or a
// browser quitting is not; auto-reload stops at a crash loop.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <string>

#include "tests/integration/tab_waits.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::openLoaded;
using sb::testing::spinFor;
using sb::testing::waitForState;
using sb::testing::waitUntil;
using BoxState = PluginHosts::BoxContent::State;

bool namesOurFunction(const CrashReport& report) {
  return std::any_of(report.backtrace.begin(), report.backtrace.end(),
                     [](const std::string& frame) {
                       return frame.find("segvNow") != std::string::npos ||
                              frame.find("sb::") != std::string::npos;
                     });
}

std::string backtraceText(const CrashReport& report) {
  std::string text;
  for (const auto& frame : report.backtrace) text += frame + "\n";
  return text;
}

const CrashReport* reportOf(const Browser& browser, wire::ProcessKind kind) {
  for (const auto& report : browser.crashReports().reports()) {
    if (report.kind == kind) return &report;
  }
  return nullptr;
}

TEST(CrashReports, ACrashingPageLeavesASigsegvReportWithABacktraceOfOurFunctions) {
  Browser browser({.gpu_process = false});
  int signalled = 0;
  QObject::connect(&browser, &Browser::crashReported, [&] { ++signalled; });
  const int tab = std::get<int>(browser.openTab("demo://crash"));
  ASSERT_TRUE(waitForState(browser, tab, TabState::kCrashed));
  ASSERT_EQ(browser.crashReports().size(), 1u);
  EXPECT_EQ(signalled, 1);
  const CrashReport& report = browser.crashReports().reports().front();
  EXPECT_EQ(report.kind, wire::PROCESS_KIND_RENDERER);
  EXPECT_EQ(report.pid, browser.tab(tab)->crashed_pid);
  EXPECT_EQ(report.signal, SIGSEGV);
  EXPECT_EQ(report.reason.toStdString(), browser.tab(tab)->crash_reason.toStdString());
  EXPECT_NE(report.reason.indexOf("SIGSEGV"), -1);
  EXPECT_TRUE(namesOurFunction(report)) << backtraceText(report);
  ASSERT_EQ(report.tabs.size(), 1u);
  EXPECT_EQ(report.tabs[0].id, tab);
  EXPECT_EQ(report.tabs[0].url, "demo://crash");
  EXPECT_NE(report.served.indexOf("demo://crash"), -1);
  EXPECT_GT(report.uptime_ns, 0u);
  EXPECT_FALSE(report.last_messages.empty());
  EXPECT_LE(report.last_messages.size(), CrashReports::kLastMessages);
  for (const auto& record : report.last_messages) EXPECT_EQ(record.pid, report.pid);
}

TEST(CrashReports, AKillNineIsReportedWithoutABacktrace) {
  Browser browser({.gpu_process = false});
  const int tab = openLoaded(browser, "demo://home");
  const qint64 pid = browser.tab(tab)->renderer_pid;
  ASSERT_EQ(::kill(static_cast<pid_t>(pid), SIGKILL), 0);  // as from a shell
  ASSERT_TRUE(waitForState(browser, tab, TabState::kCrashed));
  ASSERT_EQ(browser.crashReports().size(), 1u);
  const CrashReport& report = browser.crashReports().reports().front();
  EXPECT_EQ(report.pid, pid);
  EXPECT_EQ(report.signal, SIGKILL);
  EXPECT_EQ(report.reason, "killed by SIGKILL (9)");
  EXPECT_TRUE(report.backtrace.empty()) << backtraceText(report);
  EXPECT_FALSE(report.last_messages.empty());
}

TEST(CrashReports, ClosingATabAndQuittingAreNotCrashes) {
  Browser browser({});
  const int closed = openLoaded(browser, "demo://home");
  openLoaded(browser, "demo://news");
  ASSERT_TRUE(browser.closeTab(closed).ok);
  ASSERT_TRUE(waitUntil([&] { return browser.renderers().size() == 1; }, 10s));
  bool complete = false;
  QObject::connect(&browser, &Browser::shutdownComplete, [&] { complete = true; });
  browser.shutdownAll();
  ASSERT_TRUE(waitUntil([&] { return complete; }, 10s));
  EXPECT_EQ(browser.crashReports().size(), 0u);
}

TEST(CrashReports, TheGpuAndPluginProcessesAreReportedToo) {
  Browser browser({});
  const int tab = openLoaded(browser, "demo://plugin");
  ASSERT_TRUE(
      waitUntil([&] { return browser.plugins().content(tab, 1).state == BoxState::kLive; }, 10s));
  ASSERT_TRUE(waitUntil([&] { return browser.gpu().mode() == GpuHost::Mode::kRunning; }, 10s));
  const qint64 gpu_pid = browser.gpu().process()->pid();
  ASSERT_TRUE(browser.gpu().sendSignal(SIGKILL));
  ASSERT_TRUE(browser.plugins().sendFault("ticker", wire::DebugFault::KIND_SEGV));
  ASSERT_TRUE(waitUntil([&] { return browser.crashReports().size() >= 2; }, 10s));
  const CrashReport* gpu = reportOf(browser, wire::PROCESS_KIND_GPU);
  ASSERT_NE(gpu, nullptr);
  EXPECT_EQ(gpu->pid, gpu_pid);
  EXPECT_EQ(gpu->signal, SIGKILL);
  const CrashReport* plugin = reportOf(browser, wire::PROCESS_KIND_PLUGIN);
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->signal, SIGSEGV);
  EXPECT_NE(plugin->served.indexOf("ticker"), -1);
  EXPECT_TRUE(namesOurFunction(*plugin)) << backtraceText(*plugin);
  EXPECT_EQ(reportOf(browser, wire::PROCESS_KIND_RENDERER), nullptr) << "the tab survived both";
}

TEST(CrashLoop, AutoReloadStopsWhenThePageCrashesAgainRightAfterItsReload) {
  Browser browser({.gpu_process = false, .auto_reload_crashed = true});
  const int tab = std::get<int>(browser.openTab("demo://crash"));
  ASSERT_TRUE(waitForState(browser, tab, TabState::kCrashed));
  EXPECT_FALSE(browser.tab(tab)->crash_loop) << "the first crash follows no reload";
  EXPECT_TRUE(browser.tab(tab)->auto_reload_pending);
  // Reloaded once by itself, it crashes again at once: a crash loop.
  ASSERT_TRUE(waitUntil(
      [&] {
        return browser.crashReports().size() == 2 && browser.tab(tab)->state == TabState::kCrashed;
      },
      15s));
  const Tab* t = browser.tab(tab);
  EXPECT_TRUE(t->crash_loop);
  EXPECT_GT(t->crash_loop_after_ns, 0u);
  EXPECT_LT(t->crash_loop_after_ns, 10'000'000'000u);
  EXPECT_FALSE(t->auto_reload_pending);
  // Three times the reload delay: no further reload.
  spinFor(3s);
  EXPECT_EQ(browser.crashReports().size(), 2u);
  EXPECT_EQ(browser.tab(tab)->state, TabState::kCrashed);
  EXPECT_TRUE(browser.renderers().empty());
}

TEST(CrashLoop, WithoutTheOptionACrashedTabStaysCrashed) {
  Browser browser({.gpu_process = false});
  const int tab = std::get<int>(browser.openTab("demo://crash"));
  ASSERT_TRUE(waitForState(browser, tab, TabState::kCrashed));
  EXPECT_FALSE(browser.tab(tab)->auto_reload_pending);
  spinFor(3s);
  EXPECT_EQ(browser.tab(tab)->state, TabState::kCrashed);
  EXPECT_EQ(browser.crashReports().size(), 1u);
  EXPECT_TRUE(browser.renderers().empty());
}

TEST(CrashLoop, AUserReloadThatStaysUpClearsTheCrashLoop) {
  constexpr auto kWindow = 8s;
  Browser browser(
      {.gpu_process = false, .auto_reload_crashed = true, .crash_loop_window = kWindow});
  const int tab = openLoaded(browser, "demo://home");
  ASSERT_EQ(::kill(static_cast<pid_t>(browser.tab(tab)->renderer_pid), SIGKILL), 0);
  ASSERT_TRUE(waitForState(browser, tab, TabState::kCrashed));
  ASSERT_FALSE(browser.tab(tab)->crash_loop);
  // Reloaded by itself, then killed again as soon as it is back: a loop.
  ASSERT_TRUE(waitForState(browser, tab, TabState::kLoaded));
  ASSERT_EQ(::kill(static_cast<pid_t>(browser.tab(tab)->renderer_pid), SIGKILL), 0);
  ASSERT_TRUE(waitForState(browser, tab, TabState::kCrashed));
  ASSERT_TRUE(browser.tab(tab)->crash_loop);
  // The person reloads; the page comes back and stays up past the window: the flag goes.
  ASSERT_TRUE(browser.reload(tab).ok);
  ASSERT_TRUE(waitForState(browser, tab, TabState::kLoaded));
  EXPECT_TRUE(browser.tab(tab)->crash_loop)
      << "cleared only once the page stayed up past the window";
  EXPECT_TRUE(waitUntil([&] { return !browser.tab(tab)->crash_loop; }, kWindow + 5s));
  EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded);
}

}  // namespace
}  // namespace sb::browser
