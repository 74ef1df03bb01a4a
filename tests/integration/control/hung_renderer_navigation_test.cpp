// A tab navigated while its renderer hangs, found by the chaos soak (`--chaos 600 --seed 1`): the
// hung renderer keeps the tab (per-tab model), so the tab must keep showing "unresponsive", and
// Reload must give it a fresh renderer. It used to turn "loading" for good, with no bar, and
// Reload sent the page to the same hung renderer.
#include <gtest/gtest.h>

#include "tests/integration/control/control_session.h"

namespace sb::testing {
namespace {

TEST(HungRendererNavigation, TheTabStaysUnresponsiveAndReloadRecoversIt) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const int tab = session.openTab("demo://hang");
  const auto hung = session.waitFor(tab, "unresponsive", 15'000)["renderer_pid"].toInteger();
  ASSERT_GT(hung, 0);

  const QJsonObject navigated = session.call({{"cmd", "navigate"}, {"tab", tab}, {"url", "demo://news"}});
  ASSERT_TRUE(navigated["ok"].toBool()) << toLine(navigated);
  const QJsonObject after = session.tab(tab);
  EXPECT_EQ(after["state"].toString().toStdString(), "unresponsive") << toLine(after);
  EXPECT_EQ(after["renderer_pid"].toInteger(), hung);

  const QJsonObject reloaded = session.call({{"cmd", "reload"}, {"tab", tab}});
  ASSERT_TRUE(reloaded["ok"].toBool()) << toLine(reloaded);
  const QJsonObject loaded = session.waitFor(tab, "loaded", 10'000);
  EXPECT_EQ(loaded["url"].toString().toStdString(), "demo://news");
  EXPECT_NE(loaded["renderer_pid"].toInteger(), hung);
}

}  // namespace
}  // namespace sb::testing
