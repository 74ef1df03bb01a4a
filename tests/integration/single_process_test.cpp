// The single-process model with the Browser in this test process: renderers are threads of it,
// speak the same protocol over a socketpair, end cleanly, and a hung one can only be abandoned.
// (That a thread's crash ends the whole browser is tested on a real `sandbrowser`, in
// control/process_model_control_test.cpp, since here it would end the test.)
#include <gtest/gtest.h>
#include <unistd.h>

#include "apps/browser/core/browser.h"
#include "tests/integration/tab_waits.h"
#include "tests/support/qt_wait.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::keepsAnimating;
using sb::testing::openLoaded;
using sb::testing::spinFor;
using sb::testing::waitForState;
using sb::testing::waitUntil;

Browser::Options singleProcess() {
  return {.unresponsive_after = 1s, .gpu_process = false, .process_model = ProcessModel::kSingleProcess};
}

TEST(SingleProcess, TabsRunOnRendererThreadsThatSpeakTheSameProtocol) {
  Browser browser(singleProcess());
  const int home = openLoaded(browser, "demo://home");
  const int clock = openLoaded(browser, "demo://clock");
  for (int tab : {home, clock}) {
    EXPECT_EQ(browser.tab(tab)->renderer_pid, ::getpid());
    ASSERT_NE(browser.tab(tab)->renderer, nullptr);
    EXPECT_TRUE(browser.tab(tab)->renderer->inProcess());
  }
  EXPECT_NE(browser.tab(home)->renderer, browser.tab(clock)->renderer) << "a thread per tab";
  EXPECT_TRUE(keepsAnimating(browser, clock));

  // Every message still crosses a channel the inspector sees.
  size_t lists = 0;
  for (const IpcRecord& record : browser.ipcLog().since(0, browser.ipcLog().size())) {
    lists += record.incoming && record.pid == ::getpid() && record.kind == "display_list";
  }
  EXPECT_GE(lists, 2u);

  // No sandbox can separate a thread from its process, and the Hello says so layer by layer.
  const wire::SandboxStatus sandbox = browser.tab(home)->renderer->sandboxStatus();
  EXPECT_FALSE(sandbox.enabled());
  ASSERT_GT(sandbox.layers_size(), 0);
  for (const auto& layer : sandbox.layers()) {
    EXPECT_FALSE(layer.engaged()) << layer.name();
    EXPECT_NE(layer.detail().find("thread of the browser"), std::string::npos) << layer.detail();
  }
}

TEST(SingleProcess, ClosingATabEndsItsThreadCleanly) {
  Browser browser(singleProcess());
  const int one = openLoaded(browser, "demo://clock");
  const int two = openLoaded(browser, "demo://news");
  ASSERT_TRUE(browser.closeTab(one).ok);
  ASSERT_TRUE(waitUntil([&] { return browser.renderers().size() == 1; }, 5s));
  EXPECT_EQ(browser.tab(two)->state, TabState::kLoaded);
  EXPECT_EQ(browser.crashReports().size(), 0u) << "a thread that ended on request did not crash";
}

TEST(SingleProcess, AHungThreadIsAbandonedNotKilledAndTheOtherTabsGoOn) {
  Browser browser(singleProcess());
  const int hung = openLoaded(browser, "demo://home");
  const int clock = openLoaded(browser, "demo://clock");
  ASSERT_TRUE(browser.faultRenderer(hung, wire::DebugFault::KIND_HANG).ok);
  ASSERT_TRUE(waitForState(browser, hung, TabState::kUnresponsive, 10s));
  ASSERT_TRUE(browser.killRenderer(hung, SIGKILL).ok);
  ASSERT_TRUE(waitForState(browser, hung, TabState::kCrashed));
  EXPECT_NE(browser.tab(hung)->crash_reason.indexOf("a thread cannot be killed"), -1)
      << browser.tab(hung)->crash_reason.toStdString();
  // The spinning thread is still in this process; the rest of the browser does not care.
  EXPECT_TRUE(keepsAnimating(browser, clock));
  ASSERT_TRUE(browser.reload(hung).ok);
  ASSERT_TRUE(waitForState(browser, hung, TabState::kLoaded));
}

}  // namespace
}  // namespace sb::browser
