// The renderer zygote with real processes: renderers forked by it are its children, each still
// passes the sandbox checks with its own channel, crashes and kills are reported as for an exec'd
// renderer, and a dead zygote costs no tab (exec stands in) and comes back.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>

#include "tests/integration/tab_waits.h"
#include "tests/support/proc_inspect.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::openLoaded;
using sb::testing::waitForState;
using sb::testing::waitUntil;

std::string statusField(pid_t pid, const std::string& name) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(name + ":", 0) == 0) {
      const auto value = line.find_first_not_of(" \t", name.size() + 1);
      return value == std::string::npos ? "" : line.substr(value);
    }
  }
  return "<missing>";
}

pid_t parentOf(qint64 pid) { return std::stoi(statusField(static_cast<pid_t>(pid), "PPid")); }

std::string nsLink(const std::string& proc, const std::string& ns) {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/" + proc + "/ns/" + ns, error).string();
}

Browser::Options zygoteOptions() {
  Browser::Options options;
  options.gpu_process = false;
  options.zygote = true;
  return options;
}

// A browser whose zygote is up, so the next renderers are forked, not exec'd.
bool zygoteReady(const Browser& browser) {
  return waitUntil([&] { return browser.zygote() && browser.zygote()->ready(); }, 10s);
}

qint64 rendererPid(const Browser& browser, int tab) { return browser.tab(tab)->renderer_pid; }

TEST(Zygote, ARenderersParentIsTheZygote) {
  Browser browser(zygoteOptions());
  ASSERT_TRUE(zygoteReady(browser));
  const int tab = openLoaded(browser, "demo://home");
  EXPECT_EQ(parentOf(rendererPid(browser, tab)), browser.zygote()->pid());
  EXPECT_EQ(browser.zygote()->forks(), 1u);
  EXPECT_EQ(browser.zygote()->fallbacks(), 0u);
}

TEST(Zygote, TheFirstTabsOfASessionWaitForTheZygoteRatherThanExec) {
  Browser browser(zygoteOptions());
  // No waiting for the zygote: the tabs open while it is still starting, as the window's first
  // tabs do.
  const int first = openLoaded(browser, "demo://home");
  const int second = openLoaded(browser, "demo://news");
  ASSERT_TRUE(browser.zygote());
  for (int tab : {first, second}) EXPECT_EQ(parentOf(rendererPid(browser, tab)), browser.zygote()->pid());
  EXPECT_EQ(browser.zygote()->forks(), 2u);
  EXPECT_EQ(browser.zygote()->fallbacks(), 0u);
}

TEST(Zygote, EachForkedRendererPassesTheSandboxChecksInItsOwnNamespaces) {
  Browser browser(zygoteOptions());
  ASSERT_TRUE(zygoteReady(browser));
  const int a = openLoaded(browser, "demo://home");
  const int b = openLoaded(browser, "demo://news");
  const std::string zygote = std::to_string(browser.zygote()->pid());
  const std::string pa = std::to_string(rendererPid(browser, a));
  const std::string pb = std::to_string(rendererPid(browser, b));
  ASSERT_NE(pa, pb);
  for (const qint64 pid : {rendererPid(browser, a), rendererPid(browser, b)}) {
    EXPECT_EQ(parentOf(pid), browser.zygote()->pid());
    EXPECT_EQ(statusField(static_cast<pid_t>(pid), "Seccomp"), "2");
    EXPECT_EQ(statusField(static_cast<pid_t>(pid), "NoNewPrivs"), "1");
    EXPECT_EQ(statusField(static_cast<pid_t>(pid), "CapEff"), "0000000000000000");
  }
  // User, net and ipc namespaces of its own: not the browser's, not the zygote's, not each other's.
  for (const char* ns : {"user", "net", "ipc"}) {
    EXPECT_NE(nsLink(pa, ns), nsLink("self", ns)) << ns;
    EXPECT_NE(nsLink(pa, ns), nsLink(zygote, ns)) << ns;
    EXPECT_NE(nsLink(pa, ns), nsLink(pb, ns)) << ns;
  }
  // The pid namespace is the zygote's (one per renderer would make it pid 1 there).
  EXPECT_NE(nsLink(pa, "pid"), nsLink("self", "pid"));
  EXPECT_EQ(nsLink(pa, "pid"), nsLink(zygote, "pid"));
  // The Hello's layers, and the browser's own observation of the namespaces, all engaged.
  for (const ProcessHost* host : browser.renderers()) {
    ASSERT_TRUE(host->hello().sandbox().enabled());
    for (const auto& layer : host->sandboxLayers()) {
      EXPECT_TRUE(layer.engaged()) << layer.name() << ": " << layer.detail();
    }
    EXPECT_EQ(host->sandboxLayers().size(), 12u);
  }
}

TEST(Zygote, TwoRenderersDoNotShareAChannel) {
  Browser browser(zygoteOptions());
  ASSERT_TRUE(zygoteReady(browser));
  const int a = openLoaded(browser, "demo://home");
  const int b = openLoaded(browser, "demo://news");
  ASSERT_EQ(browser.renderers().size(), 2u);
  // Each host heard a Hello from its own process, over its own channel.
  std::set<int> hello_pids;
  for (const ProcessHost* host : browser.renderers()) {
    ASSERT_NE(host->channelStats(), nullptr);
    EXPECT_GT(host->channelStats()->messages_in, 0u);
    hello_pids.insert(static_cast<int>(host->hello().pid()));
  }
  EXPECT_EQ(hello_pids.size(), 2u);
  // Tab b's renderer goes; tab a's channel does not notice and keeps serving it.
  ASSERT_EQ(::kill(static_cast<pid_t>(rendererPid(browser, b)), SIGKILL), 0);
  ASSERT_TRUE(waitForState(browser, b, TabState::kCrashed));
  ASSERT_TRUE(browser.navigate(a, "demo://form").ok);
  EXPECT_TRUE(waitUntil([&] {
    return browser.tab(a)->state == TabState::kLoaded && browser.tab(a)->url.toString() == "demo://form";
  }));
}

TEST(Zygote, KillNineOfAForkedRendererSadTabsOnlyItsTab) {
  Browser browser(zygoteOptions());
  ASSERT_TRUE(zygoteReady(browser));
  const int a = openLoaded(browser, "demo://home");
  const int b = openLoaded(browser, "demo://news");
  const qint64 pid = rendererPid(browser, a);
  ASSERT_EQ(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
  ASSERT_TRUE(waitForState(browser, a, TabState::kCrashed));
  EXPECT_EQ(browser.tab(a)->crash_reason.toStdString(), "killed by SIGKILL (9)");
  EXPECT_EQ(browser.tab(b)->state, TabState::kLoaded);
  ASSERT_EQ(browser.crashReports().size(), 1u);
  EXPECT_EQ(browser.crashReports().reports().front().pid, pid);
  EXPECT_EQ(browser.crashReports().reports().front().signal, SIGKILL);
}

TEST(Zygote, ACrashingForkedRendererReportsSigsegvWithItsBacktrace) {
  Browser browser(zygoteOptions());
  ASSERT_TRUE(zygoteReady(browser));
  const int tab = std::get<int>(browser.openTab("demo://crash"));
  ASSERT_TRUE(waitForState(browser, tab, TabState::kCrashed));
  EXPECT_EQ(browser.zygote()->forks(), 1u);
  ASSERT_EQ(browser.crashReports().size(), 1u);
  const CrashReport& report = browser.crashReports().reports().front();
  EXPECT_EQ(report.signal, SIGSEGV);
  EXPECT_NE(report.reason.indexOf("SIGSEGV"), -1) << report.reason.toStdString();
  const bool named = std::any_of(report.backtrace.begin(), report.backtrace.end(), [](const std::string& f) {
    return f.find("segvNow") != std::string::npos || f.find("sb::") != std::string::npos;
  });
  EXPECT_TRUE(named) << "the fatal-signal reporter's backtrace is missing";
}

TEST(Zygote, AKilledZygoteCostsNoTabAndComesBack) {
  Browser browser(zygoteOptions());
  ASSERT_TRUE(zygoteReady(browser));
  const pid_t first = browser.zygote()->pid();
  ASSERT_EQ(::kill(first, SIGKILL), 0);
  // Right away, before the browser even noticed: the tab still opens (exec stands in).
  const int during = openLoaded(browser, "demo://home");
  EXPECT_EQ(browser.tab(during)->state, TabState::kLoaded);
  EXPECT_NE(parentOf(rendererPid(browser, during)), first);
  ASSERT_TRUE(waitUntil([&] { return browser.zygote()->ready() && browser.zygote()->pid() != first; }, 10s));
  EXPECT_GE(browser.zygote()->fallbacks(), 1u);
  const int after = openLoaded(browser, "demo://news");
  EXPECT_EQ(parentOf(rendererPid(browser, after)), browser.zygote()->pid());
  EXPECT_TRUE(waitUntil([] { return sb::testing::zombieChildrenOf(::getpid()).empty(); }, 5s));
}

TEST(Zygote, ClosedTabsLeaveNoZombies) {
  Browser browser(zygoteOptions());
  ASSERT_TRUE(zygoteReady(browser));
  std::vector<int> tabs;
  for (const char* url : {"demo://home", "demo://news", "demo://crash"}) tabs.push_back(std::get<int>(browser.openTab(url)));
  ASSERT_TRUE(waitUntil([&] { return browser.renderers().size() >= 2 && browser.tab(tabs[2])->state == TabState::kCrashed; }));
  ASSERT_TRUE(waitForState(browser, tabs[0], TabState::kLoaded));
  for (int tab : {tabs[0], tabs[1], tabs[2]}) browser.closeTab(tab);
  ASSERT_TRUE(waitUntil([&] { return browser.renderers().empty(); }, 10s));
  const pid_t zygote = browser.zygote()->pid();
  EXPECT_TRUE(waitUntil([&] {
    return sb::testing::zombieChildrenOf(::getpid()).empty() && sb::testing::childrenOf(zygote).empty();
  }, 5s));
}

TEST(Zygote, NoSandboxAndDisabledLayersAreHonoured) {
  Browser::Options options = zygoteOptions();
  options.disabled_sandbox_layers = {"seccomp-bpf"};
  Browser degraded(options);
  ASSERT_TRUE(zygoteReady(degraded));
  const int tab = openLoaded(degraded, "demo://home");
  const auto pid = static_cast<pid_t>(rendererPid(degraded, tab));
  EXPECT_EQ(parentOf(pid), degraded.zygote()->pid());
  EXPECT_EQ(statusField(pid, "Seccomp"), "0");
  EXPECT_EQ(statusField(pid, "NoNewPrivs"), "1");

  options = zygoteOptions();
  options.sandbox = false;
  Browser unsandboxed(options);
  ASSERT_TRUE(zygoteReady(unsandboxed));
  const int plain = openLoaded(unsandboxed, "demo://home");
  const auto plain_pid = static_cast<pid_t>(rendererPid(unsandboxed, plain));
  EXPECT_EQ(parentOf(plain_pid), unsandboxed.zygote()->pid());
  EXPECT_EQ(statusField(plain_pid, "Seccomp"), "0");
  EXPECT_EQ(statusField(plain_pid, "NoNewPrivs"), "0");
  EXPECT_EQ(nsLink(std::to_string(plain_pid), "net"), nsLink("self", "net"));
}

TEST(Zygote, ACommandPrefixMeansExec) {
  Browser::Options options = zygoteOptions();
  options.renderer_cmd_prefix = {"env"};
  Browser browser(options);
  EXPECT_EQ(browser.zygote(), nullptr);
  const int tab = openLoaded(browser, "demo://home");
  EXPECT_NE(statusField(static_cast<pid_t>(rendererPid(browser, tab)), "Seccomp"), "<missing>");
}

}  // namespace
}  // namespace sb::browser
