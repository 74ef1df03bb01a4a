// demo://badipc with real renderers: for every kind of bad message, only the renderer that sent
// it is killed, the sad tab says why, and the browser and its other tabs carry on.
#include <gtest/gtest.h>

#include <string>

#include "apps/browser/core/browser.h"
#include "tests/integration/tab_waits.h"
#include "tests/support/proc_inspect.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::keepsAnimating;
using sb::testing::openLoaded;
using sb::testing::pageText;
using sb::testing::waitForState;
using sb::testing::waitUntil;

struct BadIpcCase {
  const char* kind;
  const char* reason;  // what the sad tab's reason must contain, after "bad IPC message ("
};

void PrintTo(const BadIpcCase& c, std::ostream* os) { *os << c.kind; }

class BadIpc : public ::testing::TestWithParam<BadIpcCase> {};

void type(Browser& browser, int tab, const std::string& text) {
  wire::InputEvent focus;
  focus.mutable_key()->set_special(wire::KeyInput::SPECIAL_TAB);
  browser.sendInput(tab, focus);
  wire::InputEvent key;
  key.mutable_key()->set_text(text);
  browser.sendInput(tab, key);
}

TEST_P(BadIpc, KillsOnlyTheSenderAndSaysWhy) {
  Browser browser({});
  const int clock = openLoaded(browser, "demo://clock");
  const int form = openLoaded(browser, "demo://form");
  ASSERT_TRUE(clock && form);
  type(browser, form, "still here");
  ASSERT_TRUE(waitUntil(
      [&] { return pageText(browser, form).find("You typed: still here") != std::string::npos; }));
  const qint64 clock_pid = browser.tab(clock)->renderer_pid;
  const qint64 form_pid = browser.tab(form)->renderer_pid;

  const auto opened = browser.openTab(QString("demo://badipc?kind=") + GetParam().kind);
  ASSERT_TRUE(std::holds_alternative<int>(opened));
  const int bad = std::get<int>(opened);
  ASSERT_TRUE(waitForState(browser, bad, TabState::kCrashed, 15s))
      << "state " << tabStateName(browser.tab(bad)->state);

  const std::string reason = browser.tab(bad)->crash_reason.toStdString();
  EXPECT_EQ(reason.rfind("renderer terminated: bad IPC message (", 0), 0u) << reason;
  EXPECT_NE(reason.find(GetParam().reason), std::string::npos) << reason;
  EXPECT_GT(browser.tab(bad)->crashed_pid, 0);
  EXPECT_FALSE(sb::testing::processAlive(static_cast<pid_t>(browser.tab(bad)->crashed_pid)));

  // The others did not notice: same processes, same state, the clock still ticking.
  EXPECT_EQ(browser.tab(clock)->state, TabState::kLoaded);
  EXPECT_EQ(browser.tab(form)->state, TabState::kLoaded);
  EXPECT_EQ(browser.tab(clock)->renderer_pid, clock_pid);
  EXPECT_EQ(browser.tab(form)->renderer_pid, form_pid);
  EXPECT_TRUE(keepsAnimating(browser, clock));
  EXPECT_NE(pageText(browser, form).find("You typed: still here"), std::string::npos);

  // And the browser itself is fine: a new tab loads, the sad tab reloads.
  EXPECT_GT(openLoaded(browser, "demo://home"), 0);
  ASSERT_TRUE(browser.navigate(bad, "demo://home").ok);
  EXPECT_TRUE(waitForState(browser, bad, TabState::kLoaded));
}

INSTANTIATE_TEST_SUITE_P(
    Browser, BadIpc,
    ::testing::Values(
        BadIpcCase{"wrong-tab", "spoke for tab 2, which it does not host"},
        BadIpcCase{"future-navigation", "which the browser never issued"},
        BadIpcCase{"huge-image", "image size 4096x4096 out of range"},
        BadIpcCase{"bad-image-data", "image pixel data does not match its size"},
        BadIpcCase{"too-many-items", "6000 display items, limit 5000"},
        BadIpcCase{"bad-pixel-size", "text pixel size 0 out of range"},
        BadIpcCase{"browser-only", "a renderer may not send navigate"},
        BadIpcCase{"second-hello", "second Hello"},
        BadIpcCase{"unknown-kind", "unknown message kind"},
        BadIpcCase{"oversize-frame", "frame too large: 33554432 bytes announced"},
        BadIpcCase{"garbage", "parse failure: 64-byte frame is not an Envelope"},
        BadIpcCase{"flood", "message flood: "},
        BadIpcCase{
            "ipc-lab-elsewhere",
            "IpcLabRequest from a tab on demo://badipc?kind=ipc-lab-elsewhere, not demo://ipc-lab"},
        BadIpcCase{"call-elsewhere",
                   "Call from a tab on demo://badipc?kind=call-elsewhere, not demo://deadlock"},
        BadIpcCase{"unasked-call-reply",
                   "CallReply to message 424242, which is no call the browser forwarded to it"}),
    [](const auto& info) {
      std::string name = info.param.kind;
      std::erase(name, '-');
      return name;
    });

TEST(BadIpc, TheListOfKindsSendsNothing) {
  Browser browser({});
  const int tab = openLoaded(browser, "demo://badipc");
  sb::testing::spinFor(500ms);
  EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded);
  EXPECT_EQ(browser.tab(tab)->title.toStdString(), "Bad IPC");
}

}  // namespace
}  // namespace sb::browser
