#include "apps/browser/core/crash_reports.h"

#include <gtest/gtest.h>

#include "apps/browser/core/backtrace_text.h"

namespace sb::browser {
namespace {

using process::ExitStatus;

const char kNote[] =
    "crash: SIGSEGV (11)\n"
    "backtrace:\n"
    "/opt/sb/bin/sandbrowser-renderer(+0x5c2a1) [0x55d0c8a5c2a1]\n"
    "/lib/x86_64-linux-gnu/libc.so.6(+0x3c050) [0x7f7e4d23c050]\n"
    "/opt/sb/bin/sandbrowser-renderer(_ZN2sb5child7segvNowERNS_3ipc7ChannelE+0x4e) "
    "[0x55d0c8a5e1ce]\n"
    "/opt/sb/bin/sandbrowser-renderer(_ZN2sb8renderer19ProcessFaultActions4segvEv+0x9) "
    "[0x55d0c8a4f0a9]\n";

ExitInfo killedBy(int signal, std::string note = {}) {
  ExitInfo info;
  info.status = ExitStatus{ExitStatus::Kind::kKilled, 0, signal};
  info.crash_note = std::move(note);
  return info;
}

ExitInfo exitedWith(int code) {
  ExitInfo info;
  info.status = ExitStatus{ExitStatus::Kind::kExited, code, 0};
  return info;
}

TEST(BacktraceText, DemanglesOurFramesAndDropsTheDirectory) {
  EXPECT_EQ(
      demangleFrame(
          "/opt/sb/bin/sandbrowser-renderer(_ZN2sb5child7segvNowERNS_3ipc7ChannelE+0x4e) [0x55d0]"),
      "sandbrowser-renderer(sb::child::segvNow(sb::ipc::Channel&)+0x4e) [0x55d0]");
  EXPECT_EQ(demangleFrame("/lib/libc.so.6(+0x3c050) [0x7f7e]"), "libc.so.6(+0x3c050) [0x7f7e]");
  EXPECT_EQ(demangleFrame("/lib/libc.so.6(abort+0x2) [0x7f7e]"), "libc.so.6(abort+0x2) [0x7f7e]");
  EXPECT_EQ(demangleFrame("[0x7f7e]"), "[0x7f7e]");
}

TEST(BacktraceText, ANameThatDoesNotDemangleStaysAsItWas) {
  EXPECT_EQ(demangleFrame("x(_Znot_a_name+0x1) [0x1]"), "x(_Znot_a_name+0x1) [0x1]");
  const std::string huge = "x(_Z" + std::string(5000, 'A') + "+0x1) [0x1]";
  EXPECT_LE(demangleFrame(huge).size(), kMaxFrameChars);
}

TEST(BacktraceText, FramesAreTheLinesAfterTheHeadingDemangled) {
  const auto frames = backtraceFrames(kNote);
  ASSERT_EQ(frames.size(), 4u);
  EXPECT_EQ(frames[0], "sandbrowser-renderer(+0x5c2a1) [0x55d0c8a5c2a1]");
  EXPECT_EQ(frames[2],
            "sandbrowser-renderer(sb::child::segvNow(sb::ipc::Channel&)+0x4e) [0x55d0c8a5e1ce]");
  EXPECT_EQ(frames[3],
            "sandbrowser-renderer(sb::renderer::ProcessFaultActions::segv()+0x9) [0x55d0c8a4f0a9]");
}

TEST(BacktraceText, NoHeadingNoFrames) {
  EXPECT_TRUE(backtraceFrames("").empty());
  EXPECT_TRUE(backtraceFrames("sandbox: syscall 321 (bpf)\n").empty());
  EXPECT_TRUE(backtraceFrames("crash: SIGSEGV (11)\n").empty());
}

TEST(BacktraceText, AHostileNoteIsBoundedAndPrintable) {
  std::string note = "backtrace:\n";
  for (int i = 0; i < 1000; ++i) note += "x\x1b[31m(" + std::string(2000, 'y') + ")\n";
  const auto frames = backtraceFrames(note);
  EXPECT_EQ(frames.size(), kMaxBacktraceFrames);
  for (const auto& frame : frames) {
    EXPECT_LE(frame.size(), kMaxFrameChars);
    EXPECT_EQ(frame.find('\x1b'), std::string::npos);
  }
  EXPECT_EQ(backtraceFrames(note, 3).size(), 3u);
}

TEST(CrashReports, KeepsTheNewestUpToItsCapacityWithIncreasingIds) {
  CrashReports reports(3);
  for (int i = 1; i <= 5; ++i) {
    CrashReport report;
    report.pid = 100 + i;
    EXPECT_EQ(reports.add(std::move(report)).id, static_cast<uint64_t>(i));
  }
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(reports.reports().front().pid, 103);
  EXPECT_EQ(reports.reports().back().pid, 105);
  EXPECT_EQ(reports.find(1), nullptr);
  ASSERT_NE(reports.find(4), nullptr);
  EXPECT_EQ(reports.find(4)->pid, 104);
  EXPECT_EQ(CrashReports().capacity(), 100u);
}

TEST(CrashReports, EveryDeathIsReportedButACleanExitTheBrowserAskedFor) {
  EXPECT_TRUE(isReportableExit(killedBy(SIGSEGV), false));
  EXPECT_TRUE(isReportableExit(killedBy(SIGKILL), false));
  EXPECT_TRUE(isReportableExit(killedBy(SIGKILL), true)) << "still running after the grace period";
  EXPECT_TRUE(isReportableExit(exitedWith(3), false));
  EXPECT_TRUE(isReportableExit(exitedWith(3), true));
  EXPECT_TRUE(isReportableExit(exitedWith(0), false)) << "left on its own, its tabs are gone";
  EXPECT_FALSE(isReportableExit(exitedWith(0), true));
  ExitInfo bad_message = killedBy(SIGKILL);
  bad_message.killed_by_browser = "renderer terminated: bad IPC message (x)";
  EXPECT_TRUE(isReportableExit(bad_message, true));
  ExitInfo never;
  never.never_started = "shut down before it started (tab closed)";
  EXPECT_FALSE(isReportableExit(never, true));
}

TEST(CrashReports, AReportHasTheReasonSignalBacktraceAndMessagesWithoutBodies) {
  std::vector<IpcRecord> messages(2);
  messages[0].kind = "navigate";
  messages[0].payload = std::make_shared<const std::string>(1000, 'x');
  messages[1].kind = "display_list";
  messages[1].incoming = true;
  const CrashReport report = makeCrashReport(wire::PROCESS_KIND_RENDERER, 42,
                                             killedBy(SIGSEGV, kNote), 1'500'000'000, messages);
  EXPECT_EQ(report.reason, "crashed: SIGSEGV (11)");
  EXPECT_EQ(report.signal, SIGSEGV);
  EXPECT_EQ(report.pid, 42);
  EXPECT_EQ(report.uptime_ns, 1'500'000'000u);
  EXPECT_TRUE(report.time.isValid());
  EXPECT_EQ(report.backtrace.size(), 4u);
  ASSERT_EQ(report.last_messages.size(), 2u);
  EXPECT_EQ(report.last_messages[0].kind, "navigate");
  EXPECT_EQ(report.last_messages[0].payload, nullptr);
}

TEST(CrashReports, AKillOrAnExitHasNoBacktraceAndAnExitNoSignal) {
  const CrashReport killed = makeCrashReport(wire::PROCESS_KIND_GPU, 7, killedBy(SIGKILL), 0, {});
  EXPECT_EQ(killed.signal, SIGKILL);
  EXPECT_TRUE(killed.backtrace.empty());
  const CrashReport exited = makeCrashReport(wire::PROCESS_KIND_PLUGIN, 8, exitedWith(3), 0, {});
  EXPECT_EQ(exited.signal, 0);
  EXPECT_EQ(exited.reason, "exited with code 3");
}

TEST(CrashReports, ServedTabsReadAsOneLine) {
  EXPECT_EQ(servedTabsText({}), "no tab");
  EXPECT_EQ(servedTabsText({{3, "demo://crash"}, {4, "demo://home"}}),
            "tab 3 demo://crash, tab 4 demo://home");
}

}  // namespace
}  // namespace sb::browser
