// demo://ipc-lab with a real renderer and the real benchmark helper: the page asks, the browser
// runs sandbrowser-ipcbench outside the sandbox, and every page that asked gets the rows.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "apps/browser/core/browser.h"
#include "apps/renderer/pages/ipc_kind_notes.h"
#include "tests/integration/tab_waits.h"
#include "tests/support/proc_inspect.h"
#include "tests/support/qt_wait.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::openLoaded;
using sb::testing::pageText;
using sb::testing::waitForState;
using sb::testing::waitUntil;
using State = wire::IpcLabReport::State;

void pressEnter(Browser& browser, int tab) {
  wire::InputEvent enter;
  enter.mutable_key()->set_special(wire::KeyInput::SPECIAL_ENTER);
  browser.sendInput(tab, enter);
}

// The tab's current page, not a list kept from before a crash or navigation, shows `text`.
bool pageShows(const Browser& browser, int tab, const std::string& text, std::chrono::milliseconds timeout = 10s) {
  return waitUntil(
      [&] {
        const Tab* t = browser.tab(tab);
        return t && t->display_list && t->display_list->navigation_id() == t->navigation_id &&
               pageText(browser, tab).find(text) != std::string::npos;
      },
      timeout);
}

// A demo://ipc-lab tab that has the browser's first answer: nothing run yet.
int openLab(Browser& browser) {
  const int tab = openLoaded(browser, "demo://ipc-lab");
  if (!pageShows(browser, tab, "Not run yet")) ADD_FAILURE() << "tab " << tab << " never heard from the browser";
  return tab;
}

size_t loggedCount(const Browser& browser, const std::string& kind) {
  size_t count = 0;
  for (const IpcRecord& record : browser.ipcLog().since(0, browser.ipcLog().size())) count += record.kind == kind;
  return count;
}

bool isChildOfThisProcess(pid_t pid) {
  const std::vector<pid_t> children = sb::testing::childrenOf(::getpid());
  return std::find(children.begin(), children.end(), pid) != children.end();
}

TEST(IpcLab, EnterRunsTheBenchmarkInAHelperAndThePageShowsEveryKind) {
  Browser browser({.gpu_process = false});
  const int tab = openLab(browser);
  pressEnter(browser, tab);
  ASSERT_TRUE(waitUntil([&] { return browser.ipcLab().running(); }, 5s));
  const pid_t helper = static_cast<pid_t>(browser.ipcLab().report().helper_pid());
  EXPECT_GT(helper, 0);
  EXPECT_TRUE(isChildOfThisProcess(helper)) << "the browser runs the helper itself";
  ASSERT_TRUE(pageShows(browser, tab, "Running in helper process pid " + std::to_string(helper)));

  ASSERT_TRUE(waitUntil([&] { return !browser.ipcLab().running(); }, 90s));
  const wire::IpcLabReport& report = browser.ipcLab().report();
  ASSERT_EQ(report.state(), wire::IpcLabReport::STATE_DONE) << report.error();
  std::set<std::string> kinds;
  std::set<uint32_t> sizes;
  for (const auto& row : report.rows()) {
    EXPECT_TRUE(row.ok()) << row.kind() << " " << row.message_bytes() << ": " << row.error();
    EXPECT_GT(row.p50_us(), 0) << row.kind();
    EXPECT_GT(row.mib_per_s(), 0) << row.kind();
    kinds.insert(row.kind());
    sizes.insert(row.message_bytes());
  }
  EXPECT_EQ(sizes, (std::set<uint32_t>{64, 1024, 64 * 1024, 1024 * 1024}));
  std::set<std::string> explained;
  for (const auto& note : renderer::ipcKindNotes()) explained.insert(std::string(note.kind));
  EXPECT_EQ(kinds, explained) << "every kind measured has its costs on the page, and no other";
  EXPECT_EQ(report.rows_size(), static_cast<int>(kinds.size() * sizes.size()));

  EXPECT_TRUE(pageShows(browser, tab, std::to_string(report.rows_size()) + " runs, each checked byte for byte"));
  EXPECT_TRUE(pageShows(browser, tab, "anonymous pipe"));
  EXPECT_TRUE(waitUntil([&] { return !sb::testing::processAlive(helper); }, 5s));
  EXPECT_EQ(loggedCount(browser, "ipc_lab_request"), 2u);  // the page's "latest?", then Enter
  EXPECT_GE(loggedCount(browser, "ipc_lab_report"), 3u);   // not run, running, done

  // Nothing lost to a crash: the reloaded page shows the same run, without running it again.
  const uint64_t requests_before = loggedCount(browser, "ipc_lab_request");
  ASSERT_TRUE(browser.killRenderer(tab, SIGKILL).ok);
  ASSERT_TRUE(waitForState(browser, tab, TabState::kCrashed));
  ASSERT_TRUE(browser.reload(tab).ok);
  ASSERT_TRUE(pageShows(browser, tab, "Measured by helper process pid " + std::to_string(helper)));
  EXPECT_EQ(loggedCount(browser, "ipc_lab_request"), requests_before + 1);
  EXPECT_EQ(browser.ipcLab().report().helper_pid(), static_cast<uint32_t>(helper));
}

TEST(IpcLab, EveryPageThatAskedSeesTheRun) {
  Browser browser({.gpu_process = false, .ipc_lab = {.arguments = {"--quick", "--kinds", "pipe", "--json"}}});
  const int first = openLab(browser);
  const int second = openLab(browser);
  pressEnter(browser, first);
  ASSERT_TRUE(waitUntil([&] { return browser.ipcLab().running(); }, 5s));
  const uint32_t helper = browser.ipcLab().report().helper_pid();
  ASSERT_TRUE(waitUntil([&] { return !browser.ipcLab().running(); }, 60s));
  ASSERT_EQ(browser.ipcLab().report().state(), wire::IpcLabReport::STATE_DONE) << browser.ipcLab().report().error();
  for (int tab : {first, second}) {
    EXPECT_TRUE(pageShows(browser, tab, "Measured by helper process pid " + std::to_string(helper))) << tab;
  }
}

TEST(IpcLab, AMissingHelperIsAClearErrorOnThePage) {
  Browser browser({.gpu_process = false, .ipc_lab = {.executable = "sandbrowser-no-such-helper"}});
  const int tab = openLab(browser);
  pressEnter(browser, tab);
  ASSERT_TRUE(pageShows(browser, tab, "The benchmark failed"));
  EXPECT_TRUE(pageShows(browser, tab, "sandbrowser-no-such-helper was not found beside the browser or on PATH"));
  EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded);
}

TEST(IpcLab, AHelperThatFailsOrRunsTooLongIsReportedNotWaitedFor) {
  {
    Browser browser({.gpu_process = false, .ipc_lab = {.arguments = {"--kinds", "carrier-pigeon"}}});
    const int tab = openLab(browser);
    pressEnter(browser, tab);
    ASSERT_TRUE(pageShows(browser, tab, "the benchmark exited with code 2"));
    EXPECT_TRUE(pageShows(browser, tab, "no kind \"carrier-pigeon\""));
  }
  {
    // The default run takes far longer than a tenth of a second.
    Browser browser({.gpu_process = false, .ipc_lab = {.arguments = {"--kinds", "all"}, .timeout = 100ms}});
    const int tab = openLab(browser);
    pressEnter(browser, tab);
    ASSERT_TRUE(waitUntil([&] { return browser.ipcLab().running(); }, 5s));
    const auto helper = static_cast<pid_t>(browser.ipcLab().report().helper_pid());
    ASSERT_TRUE(pageShows(browser, tab, "took longer than 100 ms and was stopped"));
    EXPECT_TRUE(waitUntil([&] { return !sb::testing::processAlive(helper); }, 5s));
  }
}

TEST(IpcLab, AnotherPageSeesTheRunUnderWayAndShutdownStopsIt) {
  // The full run takes about 20 s: long enough to still be under way when the second page asks.
  Browser browser({.gpu_process = false, .ipc_lab = {.arguments = {"--kinds", "all"}}});
  const int tab = openLab(browser);
  const int other = openLab(browser);
  pressEnter(browser, tab);
  ASSERT_TRUE(waitUntil([&] { return browser.ipcLab().running(); }, 5s));
  const auto helper = static_cast<pid_t>(browser.ipcLab().report().helper_pid());
  ASSERT_TRUE(pageShows(browser, other, "Running in helper process pid " + std::to_string(helper)));
  pressEnter(browser, other);  // the page knows a run is under way and asks for nothing
  sb::testing::spinFor(300ms);
  EXPECT_EQ(loggedCount(browser, "ipc_lab_request"), 3u);
  EXPECT_EQ(browser.ipcLab().report().helper_pid(), static_cast<uint32_t>(helper));
  bool complete = false;
  QObject::connect(&browser, &Browser::shutdownComplete, [&] { complete = true; });
  browser.shutdownAll();
  ASSERT_TRUE(waitUntil([&] { return complete; }, 10s));
  EXPECT_FALSE(sb::testing::processAlive(helper));
  EXPECT_EQ(browser.ipcLab().report().error(), "the browser stopped the benchmark");
}

}  // namespace
}  // namespace sb::browser
