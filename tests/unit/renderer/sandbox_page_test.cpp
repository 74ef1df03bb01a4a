// demo://sandbox with fake escape attempts: what it runs, when, and how it shows the outcomes.
#include <gtest/gtest.h>

#include <cerrno>
#include <string>
#include <vector>

#include "apps/renderer/sandbox_probes/probe_catalog.h"
#include "apps/renderer/sandbox_probes/probe_report.h"
#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

std::vector<std::string> texts(const wire::DisplayList& list) {
  std::vector<std::string> out;
  for (const auto& item : list.items()) {
    if (item.has_text()) out.push_back(item.text().text());
  }
  return out;
}

// A row's cells: operation, goal, expected, what happened, errno.
struct Row {
  std::string expected;
  std::string outcome;
  std::string error;
};

Row rowFor(const wire::DisplayList& list, std::string_view operation) {
  const std::vector<std::string> all = texts(list);
  for (size_t i = 0; i + 4 < all.size(); ++i) {
    if (all[i] == operation) return Row{all[i + 2], all[i + 3], all[i + 4]};
  }
  ADD_FAILURE() << "no row for " << operation;
  return {};
}

// Tall enough that no row is culled.
void openSandboxPage(CoreHarness& harness, uint64_t navigation_id = 1) {
  harness.navigate(1, "demo://sandbox", navigation_id, 1024, 16000);
}

TEST(SandboxPage, ShowsItselfFirstThenRunsEveryProbeOnceInOrder) {
  CoreHarness harness;
  openSandboxPage(harness);
  ASSERT_EQ(harness.listCount(1), 2u);
  EXPECT_EQ(harness.sent[0].display_list().title(), "Sandbox: running");
  std::vector<ProbeId> expected;
  for (const ProbeInfo& info : probeCatalog()) expected.push_back(info.id);
  EXPECT_EQ(harness.probes.runs, expected);
  EXPECT_GE(expected.size(), 12u);
  EXPECT_EQ(harness.lastList(1).title(), "Sandbox: 14/14 denied");
}

TEST(SandboxPage, EveryRowNamesTheOperationWhatWasExpectedAndWhatHappened) {
  CoreHarness harness;
  harness.probes.outcomes[ProbeId::kReadPasswd] =
      ProbeOutcome::allowed("first line \"root:x:0:0\"");
  harness.probes.outcomes[ProbeId::kConnectInet] =
      ProbeOutcome::allowed("socket and connect ran", ECONNREFUSED);
  harness.probes.outcomes[ProbeId::kPtraceBrowser] =
      ProbeOutcome::denied(0, "the browser is not visible (getppid() = 0)");
  harness.probes.outcomes[ProbeId::kMapBeyondCap] = ProbeOutcome::denied(ENOMEM);
  openSandboxPage(harness);
  const wire::DisplayList& list = harness.lastList(1);
  EXPECT_TRUE(respectsWireLimits(list));

  const Row passwd = rowFor(list, "read /etc/passwd");
  EXPECT_EQ(passwd.expected, "denied");
  EXPECT_EQ(passwd.outcome, "allowed: first line \"root:x:0:0\"");
  EXPECT_EQ(passwd.error, "-");
  const Row inet = rowFor(list, "connect to 127.0.0.1:1 over TCP");
  EXPECT_EQ(inet.outcome, "allowed: socket and connect ran");
  EXPECT_EQ(inet.error, "ECONNREFUSED");
  EXPECT_EQ(rowFor(list, "ptrace the browser").outcome,
            "denied: the browser is not visible (getppid() = 0)");
  const Row mmap = rowFor(list, "mmap 8 GiB");
  EXPECT_EQ(mmap.outcome, "denied: ENOMEM");
  EXPECT_EQ(mmap.error, "ENOMEM");
  const Row fork = rowFor(list, "fork a process");
  EXPECT_EQ(fork.outcome, "denied: EPERM");
  EXPECT_EQ(fork.error, "EPERM");

  const std::string all = allText(list);
  EXPECT_NE(all.find("12 of 14 escapes denied"), std::string::npos) << all;
  EXPECT_EQ(list.title(), "Sandbox: 12/14 denied");
}

TEST(SandboxPage, AProbeWithNothingToTryIsCountedApart) {
  CoreHarness harness;
  harness.probes.outcomes[ProbeId::kConnectControlSocket] =
      ProbeOutcome::notTried("the browser has no control socket");
  openSandboxPage(harness);
  const wire::DisplayList& list = harness.lastList(1);
  EXPECT_EQ(rowFor(list, "connect to the browser's control socket").outcome,
            "not tried: the browser has no control socket");
  EXPECT_NE(allText(list).find("13 of 13 escapes denied, 1 not tried"), std::string::npos);
  EXPECT_EQ(list.title(), "Sandbox: 13/13 denied");
}

TEST(SandboxPage, SaysWhetherThisRendererIsSandboxed) {
  CoreHarness sandboxed;
  openSandboxPage(sandboxed);
  EXPECT_NE(allText(sandboxed.lastList(1)).find("This renderer is sandboxed"), std::string::npos);

  CoreHarness unsandboxed;
  unsandboxed.probes.sandboxed_flag = false;
  openSandboxPage(unsandboxed);
  const std::string text = allText(unsandboxed.lastList(1));
  EXPECT_NE(text.find("WITHOUT the sandbox (--no-sandbox)"), std::string::npos);
  EXPECT_EQ(text.find("This renderer is sandboxed"), std::string::npos);
}

TEST(SandboxPage, NamesTheLayersThatDidNotEngage) {
  CoreHarness harness;
  harness.probes.not_engaged = {"landlock", "seccomp-bpf"};
  openSandboxPage(harness);
  const std::string text = allText(harness.lastList(1));
  EXPECT_NE(text.find("only partly sandboxed"), std::string::npos);
  EXPECT_NE(text.find("landlock, seccomp-bpf"), std::string::npos);
  EXPECT_EQ(text.find("This renderer is sandboxed"), std::string::npos);
}

TEST(SandboxPage, DetailsFromTheSystemAreMadeSafeForTheWire) {
  CoreHarness harness;
  harness.probes.outcomes[ProbeId::kReadPasswd] = ProbeOutcome::allowed("bytes \xFF\xFE here");
  for (const int width : {1024, 360, 1}) {
    harness.navigate(1, "demo://sandbox", static_cast<uint64_t>(width), width, 700);
    EXPECT_TRUE(respectsWireLimits(harness.lastList(1))) << "width " << width;
  }
}

TEST(SandboxPage, RunsTheProbesAgainOnEveryVisit) {
  CoreHarness harness;
  openSandboxPage(harness, 1);
  const size_t once = harness.probes.runs.size();
  harness.resize(1, 800, 600);  // a repaint is not a visit
  EXPECT_EQ(harness.probes.runs.size(), once);
  openSandboxPage(harness, 2);
  EXPECT_EQ(harness.probes.runs.size(), 2 * once);
}

TEST(SandboxPage, OnlyTheSandboxPageProbes) {
  CoreHarness harness;
  for (const char* url :
       {"demo://home", "demo://news", "demo://form", "demo://badipc", "https://example.com/x"}) {
    harness.navigate(1, url);
  }
  EXPECT_TRUE(harness.probes.runs.empty());
}

TEST(HomePage, LinksTheSandboxAndBadIpcPages) {
  CoreHarness harness;
  harness.navigate(1, "demo://home", 1, 1024, 20000);
  EXPECT_NE(findLink(harness.lastList(1), "demo://sandbox"), nullptr);
  EXPECT_NE(findLink(harness.lastList(1), "demo://badipc"), nullptr);
}

TEST(ProbeReport, OutcomeTextsAndSummary) {
  EXPECT_EQ(outcomeText(ProbeOutcome::denied(EPERM)), "denied: EPERM");
  EXPECT_EQ(outcomeText(ProbeOutcome::denied(EACCES, "opening /proc/1/mem")),
            "denied: EACCES (opening /proc/1/mem)");
  EXPECT_EQ(outcomeText(ProbeOutcome::allowed("")), "allowed");
  EXPECT_EQ(errnoName(0), "-");
  EXPECT_EQ(errnoName(ENOENT), "ENOENT");

  ProbeReport report;
  report.denied = 1;
  EXPECT_EQ(summaryLine(report), "1 of 1 escape denied");
  report.allowed = 2;
  EXPECT_EQ(summaryLine(report), "1 of 3 escapes denied");
  EXPECT_EQ(reportTitle(report), "Sandbox: 1/3 denied");
}

}  // namespace
}  // namespace sb::renderer::testing
