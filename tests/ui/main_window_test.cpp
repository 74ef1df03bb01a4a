// The window as a person uses it, offscreen: tabs, navigation, links, a form's state, and the sad
// tab after a real kill -9 with every other tab untouched.
#include "apps/browser/ui/main_window.h"

#include <signal.h>

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include "apps/browser/core/browser.h"
#include "apps/browser/ui/page_view.h"
#include "apps/browser/ui/process_map.h"
#include "apps/browser/ui/sad_tab_view.h"
#include "apps/browser/ui/sandbox_panel.h"
#include "apps/browser/ui/tab_strip.h"
#include "apps/browser/ui/tab_view.h"
#include "apps/browser/ui/task_manager.h"
#include "tests/support/proc_inspect.h"

using namespace sb::browser;

namespace {

// The centre of the first item whose text contains `needle` (or of the link to `needle`).
std::optional<QPoint> findOnPage(const sb::wire::DisplayList& list, const std::string& needle, bool link) {
  for (const auto& item : list.items()) {
    const sb::wire::Rect* rect = nullptr;
    if (link && item.has_link() && item.link().href() == needle) rect = &item.link().rect();
    if (!link && item.has_text() && item.text().text().find(needle) != std::string::npos) rect = &item.text().rect();
    if (rect) return QPoint(rect->x() + rect->width() / 2, rect->y() + rect->height() / 2);
  }
  return std::nullopt;
}

bool pageContains(const Tab* tab, const std::string& needle) {
  return tab && tab->display_list && findOnPage(*tab->display_list, needle, false).has_value();
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<Browser> browser_;
  std::unique_ptr<MainWindow> window_;

  int openAndWait(const QString& url) {
    window_->openTab(url);
    const int id = window_->currentTabId();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(id) && browser_->tab(id)->state == TabState::kLoaded, 10000); }();
    return id;
  }

  void clickPage(int tab_id, QPoint point) {
    QTest::mouseClick(window_->tabView(tab_id)->pageView(), Qt::LeftButton, Qt::NoModifier, point);
  }

  // The process map's dock, shown through its toolbar toggle.
  ProcessMap* showProcessMap() {
    auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("processMapDock"));
    if (!dock || dock->isVisible()) return dock ? window_->findChild<ProcessMap*>() : nullptr;
    dock->toggleViewAction()->trigger();
    return window_->findChild<ProcessMap*>();
  }

  static std::optional<ProcessMap::Node> mapNode(const ProcessMap& map, qint64 pid) {
    for (const auto& node : map.nodes()) {
      if (node.pid == pid) return node;
    }
    return std::nullopt;
  }

 private slots:
  void init();
  void cleanup();

  void startsWithNoTabsAndOpensOne();
  void newTabShortcutOpensHomeAndFocusesTheAddressBar();
  void typingAUrlNavigatesAndUpdatesHistory();
  void malformedUrlShowsAnErrorInTheAddressBar();
  void clickingALinkNavigates();
  void formKeepsTypedStateInTheRenderer();
  void killNineShowsASadTabOnlyInThatTab();
  void reloadOnTheSadTabRestoresThePage();
  void backgroundCrashMarksTheTabIcon();
  void ctrlWAndMiddleClickCloseTabs();
  void closingTheWindowShutsEveryChildDown();
  void f1OpensTheGuidedTour();
  void aBrokenDeadlockIsAnnouncedInTheStatusBar();
  void ctrlTabCyclesTabs();
  void tabShowsTheRendererPidBadge();
  void crashRendererActionGivesSigsegv();
  void sandboxPanelListsEveryLayerEngaged();
  void noSandboxShowsARedBannerInEveryTab();
  void aDisabledSandboxLayerShowsAWarningInTheTab();
  void thePageShowsTheGpuProcessFrame();
  void afterTooManyGpuCrashesPagesArePaintedInSoftware();
  void aPluginCrashShowsThePlaceholderInEveryEmbeddingTab();
  void taskManagerListsEveryProcessAndLosesAKilledRenderer();
  void aHungPageGetsAnUnresponsiveBarWithWaitAndKill();
  void taskManagerEndProcessKillsTheSelectedRenderer();
  void processMapShowsTheBrowserRenderersAndGpu();
  void processMapTurnsAKilledRendererRed();
  void clickingAProcessMapNodeSelectsItInTheTaskManager();
};

void MainWindowTest::init() {
  browser_ = std::make_unique<Browser>(Browser::Options{});
  window_ = std::make_unique<MainWindow>(*browser_);
  window_->resize(1000, 700);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void MainWindowTest::cleanup() {
  window_.reset();
  browser_.reset();  // kills and reaps any renderer left
  QVERIFY(sb::testing::zombieChildrenOf(::getpid()).empty());
}

// As a person quits: the window's close asks every child to leave and the browser reports when
// none is left; nothing is killed by the test's cleanup.
void MainWindowTest::closingTheWindowShutsEveryChildDown() {
  openAndWait("demo://clock");
  openAndWait("demo://plugin");
  QTRY_VERIFY_WITH_TIMEOUT(browser_->plugins().live(), 10000);
  const std::vector<pid_t> children = sb::testing::descendantsOf(::getpid());
  QVERIFY2(children.size() >= 5, "zygote, renderers, GPU process and plugins");
  bool complete = false;
  connect(browser_.get(), &Browser::shutdownComplete, this, [&] { complete = true; });
  window_->close();
  QTRY_VERIFY_WITH_TIMEOUT(complete, 10000);
  QVERIFY(!browser_->hasLiveChildren());
  for (pid_t pid : children) {
    QTRY_VERIFY2_WITH_TIMEOUT(!sb::testing::processAlive(pid), qPrintable(QString("pid %1 lives on").arg(pid)), 2000);
  }
}

void MainWindowTest::f1OpensTheGuidedTour() {
  openAndWait("demo://home");
  QTest::keyClick(window_.get(), Qt::Key_F1);
  QCOMPARE(window_->tabStrip()->count(), 2);
  const int id = window_->currentTabId();
  QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(id)->state == TabState::kLoaded, 10000);
  QCOMPARE(browser_->tab(id)->title, QStringLiteral("Guided tour"));
  auto* help = window_->findChild<QToolButton*>(QStringLiteral("helpButton"));
  QVERIFY(help && help->menu());
  QVERIFY(help->menu()->actions().contains(window_->findChild<QAction*>(QStringLiteral("tourAction"))));
}

void MainWindowTest::aBrokenDeadlockIsAnnouncedInTheStatusBar() {
  openAndWait("demo://deadlock");
  const int id = window_->currentTabId();
  QTRY_VERIFY_WITH_TIMEOUT(
      browser_->plugins().content(id, 3).state == PluginHosts::BoxContent::State::kLive, 10000);
  sb::wire::InputEvent enter;
  enter.mutable_key()->set_special(sb::wire::KeyInput::SPECIAL_ENTER);
  browser_->sendInput(id, enter);  // "Ask and wait"
  QTRY_VERIFY_WITH_TIMEOUT(window_->statusBar()->currentMessage().startsWith(
                               QStringLiteral("Deadlock broken: renderer pid ")),
                           10000);
  QVERIFY(window_->statusBar()->currentMessage().contains(QStringLiteral("-> plugin ticker pid ")));
  QCOMPARE(browser_->tab(id)->state, TabState::kLoaded);
}

void MainWindowTest::startsWithNoTabsAndOpensOne() {
  QCOMPARE(window_->tabStrip()->count(), 0);
  const int id = openAndWait("demo://home");
  QCOMPARE(window_->tabStrip()->count(), 1);
  QVERIFY(window_->tabView(id)->pageView()->displayList() != nullptr);
  QVERIFY(browser_->tab(id)->title.contains("Sandbrowser"));
}

void MainWindowTest::newTabShortcutOpensHomeAndFocusesTheAddressBar() {
  openAndWait("demo://news");
  QTest::keyClick(window_.get(), Qt::Key_T, Qt::ControlModifier);
  QCOMPARE(window_->tabStrip()->count(), 2);
  QCOMPARE(window_->tabStrip()->currentIndex(), 1);
  QTRY_VERIFY(window_->addressBar()->hasFocus());
  QCOMPARE(window_->addressBar()->text(), QString("demo://home"));
}

void MainWindowTest::typingAUrlNavigatesAndUpdatesHistory() {
  const int id = openAndWait("demo://home");
  window_->addressBar()->setFocus();
  window_->addressBar()->selectAll();
  QTest::keyClicks(window_->addressBar(), "https://example.com/x");
  QTest::keyClick(window_->addressBar(), Qt::Key_Return);
  QTRY_COMPARE_WITH_TIMEOUT(browser_->tab(id)->url.toString(), QString("https://example.com/x"), 5000);
  QTRY_COMPARE_WITH_TIMEOUT(browser_->tab(id)->state, TabState::kLoaded, 5000);
  QCOMPARE(browser_->tab(id)->back.size(), size_t(1));
  QTest::keyClick(window_.get(), Qt::Key_Left, Qt::AltModifier);
  QTRY_COMPARE_WITH_TIMEOUT(browser_->tab(id)->url.toString(), QString("demo://home"), 5000);
  QTest::keyClick(window_.get(), Qt::Key_Right, Qt::AltModifier);
  QTRY_COMPARE_WITH_TIMEOUT(browser_->tab(id)->url.toString(), QString("https://example.com/x"), 5000);
}

void MainWindowTest::malformedUrlShowsAnErrorInTheAddressBar() {
  const int id = openAndWait("demo://home");
  window_->addressBar()->setFocus();
  window_->addressBar()->selectAll();
  QTest::keyClicks(window_->addressBar(), "not a url");
  QTest::keyClick(window_->addressBar(), Qt::Key_Return);
  QVERIFY(window_->addressError()->isVisible());
  QVERIFY(window_->addressError()->text().contains("not a URL"));
  QCOMPARE(window_->addressBar()->text(), QString("not a url"));  // what was typed is kept
  QCOMPARE(browser_->tab(id)->url.toString(), QString("demo://home"));
  QTest::keyClicks(window_->addressBar(), "x");  // editing clears the error
  QVERIFY(!window_->addressError()->isVisible());
}

void MainWindowTest::clickingALinkNavigates() {
  const int id = openAndWait("demo://home");
  auto point = findOnPage(*browser_->tab(id)->display_list, "demo://news", true);
  QVERIFY2(point, "the home page links to demo://news");
  clickPage(id, *point);
  QTRY_COMPARE_WITH_TIMEOUT(browser_->tab(id)->url.toString(), QString("demo://news"), 5000);
  QTRY_COMPARE_WITH_TIMEOUT(browser_->tab(id)->state, TabState::kLoaded, 5000);
}

void MainWindowTest::formKeepsTypedStateInTheRenderer() {
  const int id = openAndWait("demo://form");
  auto field = findOnPage(*browser_->tab(id)->display_list, "Click here and type", false);
  QVERIFY(field);
  clickPage(id, *field);
  QTest::keyClicks(window_->tabView(id)->pageView(), "hello");
  QTRY_VERIFY_WITH_TIMEOUT(pageContains(browser_->tab(id), "You typed: hello"), 5000);
  QTest::keyClick(window_->tabView(id)->pageView(), Qt::Key_Backspace);
  QTRY_VERIFY_WITH_TIMEOUT(pageContains(browser_->tab(id), "You typed: hell"), 5000);
}

void MainWindowTest::killNineShowsASadTabOnlyInThatTab() {
  const int form = openAndWait("demo://form");
  auto field = findOnPage(*browser_->tab(form)->display_list, "Click here and type", false);
  QVERIFY(field);
  clickPage(form, *field);
  QTest::keyClicks(window_->tabView(form)->pageView(), "keep me");
  QTRY_VERIFY_WITH_TIMEOUT(pageContains(browser_->tab(form), "You typed: keep me"), 5000);
  const int clock = openAndWait("demo://clock");
  const int victim = openAndWait("demo://news");
  const qint64 pid = browser_->tab(victim)->renderer_pid;
  QVERIFY(pid > 0);

  QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);  // from outside, as from a terminal
  QTRY_VERIFY_WITH_TIMEOUT(window_->tabView(victim)->showsSadTab(), 5000);
  QVERIFY(window_->tabView(victim)->sadTabView()->reasonText().contains("killed by SIGKILL (9)"));
  QVERIFY(window_->tabView(victim)->sadTabView()->reasonText().contains(QString::number(pid)));

  // The others: alive, same state, still animating.
  QVERIFY(!window_->tabView(form)->showsSadTab());
  QCOMPARE(browser_->tab(form)->state, TabState::kLoaded);
  QVERIFY(pageContains(browser_->tab(form), "You typed: keep me"));
  const uint64_t frame = browser_->tab(clock)->display_list->frame_number();
  QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(clock)->display_list->frame_number() > frame + 2, 3000);
  QCOMPARE(browser_->tab(clock)->state, TabState::kLoaded);
}

void MainWindowTest::reloadOnTheSadTabRestoresThePage() {
  const int id = openAndWait("demo://news");
  const qint64 old_pid = browser_->tab(id)->renderer_pid;
  const QString title = browser_->tab(id)->title;
  const int items = browser_->tab(id)->display_list->items_size();
  QCOMPARE(::kill(static_cast<pid_t>(old_pid), SIGKILL), 0);
  QTRY_VERIFY_WITH_TIMEOUT(window_->tabView(id)->showsSadTab(), 5000);
  QTest::mouseClick(window_->tabView(id)->sadTabView()->reloadButton(), Qt::LeftButton);
  QTRY_COMPARE_WITH_TIMEOUT(browser_->tab(id)->state, TabState::kLoaded, 5000);
  QVERIFY(!window_->tabView(id)->showsSadTab());
  QCOMPARE(browser_->tab(id)->url.toString(), QString("demo://news"));
  QVERIFY(browser_->tab(id)->renderer_pid != old_pid);
  QCOMPARE(browser_->tab(id)->title, title);
  QCOMPARE(browser_->tab(id)->display_list->items_size(), items);
}

void MainWindowTest::backgroundCrashMarksTheTabIcon() {
  const int background = openAndWait("demo://news");
  openAndWait("demo://home");
  const int index = window_->indexOfTab(background);
  QVERIFY(index != window_->tabStrip()->currentIndex());
  const QImage before = window_->tabStrip()->tabIcon(index).pixmap(16, 16).toImage();
  QCOMPARE(::kill(static_cast<pid_t>(browser_->tab(background)->renderer_pid), SIGKILL), 0);
  QTRY_COMPARE_WITH_TIMEOUT(browser_->tab(background)->state, TabState::kCrashed, 5000);
  QVERIFY(window_->tabStrip()->tabIcon(index).pixmap(16, 16).toImage() != before);
  QCOMPARE(window_->tabStrip()->tabTextColor(index), QColor(0xc5, 0x22, 0x1f));
}

void MainWindowTest::ctrlWAndMiddleClickCloseTabs() {
  openAndWait("demo://home");
  const int second = openAndWait("demo://news");
  const int third = openAndWait("demo://form");
  const qint64 third_pid = browser_->tab(third)->renderer_pid;
  QTest::keyClick(window_.get(), Qt::Key_W, Qt::ControlModifier);
  QCOMPARE(window_->tabStrip()->count(), 2);
  QVERIFY(browser_->tab(third) == nullptr);
  // The closed tab's renderer was asked to leave and is gone shortly after.
  QTRY_VERIFY_WITH_TIMEOUT(!sb::testing::processAlive(static_cast<pid_t>(third_pid)), 5000);
  const QRect tab_rect = window_->tabStrip()->tabRect(window_->indexOfTab(second));
  QTest::mouseClick(window_->tabStrip(), Qt::MiddleButton, Qt::NoModifier, tab_rect.center());
  QCOMPARE(window_->tabStrip()->count(), 1);
  QVERIFY(browser_->tab(second) == nullptr);
}

void MainWindowTest::ctrlTabCyclesTabs() {
  openAndWait("demo://home");
  openAndWait("demo://news");
  openAndWait("demo://form");
  QCOMPARE(window_->tabStrip()->currentIndex(), 2);
  QTest::keyClick(window_.get(), Qt::Key_Tab, Qt::ControlModifier);
  QCOMPARE(window_->tabStrip()->currentIndex(), 0);
  QTest::keyClick(window_.get(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
  QCOMPARE(window_->tabStrip()->currentIndex(), 2);
  QTest::keyClick(window_.get(), Qt::Key_2, Qt::ControlModifier);
  QCOMPARE(window_->tabStrip()->currentIndex(), 1);
}

void MainWindowTest::tabShowsTheRendererPidBadge() {
  const int id = openAndWait("demo://home");
  auto* badge = qobject_cast<QLabel*>(window_->tabStrip()->tabButton(window_->indexOfTab(id), QTabBar::LeftSide));
  QVERIFY(badge);
  QCOMPARE(badge->text(), QString::number(browser_->tab(id)->renderer_pid));
}

void MainWindowTest::crashRendererActionGivesSigsegv() {
  const int id = openAndWait("demo://home");
  QVERIFY(browser_->faultRenderer(id, sb::wire::DebugFault::KIND_SEGV).ok);
  QTRY_VERIFY_WITH_TIMEOUT(window_->tabView(id)->showsSadTab(), 5000);
  QVERIFY(window_->tabView(id)->sadTabView()->reasonText().contains("crashed: SIGSEGV (11)"));
}

void MainWindowTest::sandboxPanelListsEveryLayerEngaged() {
  const int id = openAndWait("demo://home");
  window_->sandboxPanel()->show();
  window_->sandboxPanel()->refresh();
  QTreeWidget* tree = window_->sandboxPanel()->tree();
  QCOMPARE(tree->topLevelItemCount(), 1);
  QTreeWidgetItem* process = tree->topLevelItem(0);
  QVERIFY(process->text(0).contains(QString::number(browser_->tab(id)->renderer_pid)));
  QStringList layers;
  for (int i = 0; i < process->childCount(); ++i) {
    layers << process->child(i)->text(0);
    QCOMPARE(process->child(i)->text(1), QString("yes"));
  }
  for (const char* expected : {"seccomp-bpf", "landlock", "no-new-privs"}) {
    QVERIFY2(layers.join(',').contains(expected), qPrintable(layers.join(',')));
  }
  QVERIFY(!window_->tabView(id)->showsNoSandboxBanner());
  QVERIFY(window_->tabView(id)->sandboxWarning().isEmpty());
}

void MainWindowTest::noSandboxShowsARedBannerInEveryTab() {
  window_.reset();
  browser_ = std::make_unique<Browser>(Browser::Options{.sandbox = false});
  window_ = std::make_unique<MainWindow>(*browser_);
  window_->show();
  const int a = openAndWait("demo://home");
  const int b = openAndWait("demo://news");
  QVERIFY(window_->tabView(a)->showsNoSandboxBanner());
  QVERIFY(window_->tabView(b)->showsNoSandboxBanner());
}

void MainWindowTest::aDisabledSandboxLayerShowsAWarningInTheTab() {
  window_.reset();
  browser_ = std::make_unique<Browser>(Browser::Options{.disabled_sandbox_layers = {"landlock"}});
  window_ = std::make_unique<MainWindow>(*browser_);
  window_->show();
  const int id = openAndWait("demo://home");
  const QString warning = window_->tabView(id)->sandboxWarning();
  QVERIFY2(warning.contains(QStringLiteral("landlock (turned off")), qPrintable(warning));
  QVERIFY2(!warning.contains(QStringLiteral("seccomp")), qPrintable(warning));
  QVERIFY(!window_->tabView(id)->showsNoSandboxBanner());
  window_->sandboxPanel()->refresh();
  QTreeWidgetItem* process = window_->sandboxPanel()->tree()->topLevelItem(0);
  int not_engaged = 0;
  for (int i = 0; i < process->childCount(); ++i) {
    if (process->child(i)->text(1) != QStringLiteral("yes")) {
      ++not_engaged;
      QCOMPARE(process->child(i)->text(0), QStringLiteral("landlock"));
    }
  }
  QCOMPARE(not_engaged, 1);
}

void MainWindowTest::thePageShowsTheGpuProcessFrame() {
  const int id = openAndWait("demo://home");
  QTRY_VERIFY_WITH_TIMEOUT(browser_->gpu().frame(id) != nullptr, 10000);
  PageView* page = window_->tabView(id)->pageView();
  QVERIFY2(page->frameSourceText().startsWith(QStringLiteral("GPU frame")), qPrintable(page->frameSourceText()));
  // What the widget paints is the frame the GPU process drew, pixel for pixel.
  const GpuHost::Frame* frame = browser_->gpu().frame(id);
  const QRect shared = QRect(QPoint(0, 0), frame->image.size()).intersected(page->rect());
  QVERIFY(!shared.isEmpty());
  const QImage shown = page->grab().toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied).copy(shared);
  QCOMPARE(shown, frame->image.copy(shared));
  QVERIFY(!window_->findChild<QLabel*>(QStringLiteral("gpuStatus"))->text().contains(QStringLiteral("oftware")));
}

void MainWindowTest::afterTooManyGpuCrashesPagesArePaintedInSoftware() {
  window_.reset();
  browser_ = std::make_unique<Browser>(Browser::Options{.gpu_crash_limit = 1});
  window_ = std::make_unique<MainWindow>(*browser_);
  window_->show();
  const int id = openAndWait("demo://home");
  QTRY_VERIFY_WITH_TIMEOUT(browser_->gpu().frame(id) != nullptr, 10000);
  QVERIFY(browser_->gpu().sendSignal(SIGKILL));
  QTRY_VERIFY_WITH_TIMEOUT(browser_->gpu().softwareFallback(), 10000);
  auto* status = window_->findChild<QLabel*>(QStringLiteral("gpuStatus"));
  QVERIFY2(status->text().contains(QStringLiteral("Software rasterisation")), qPrintable(status->text()));
  PageView* page = window_->tabView(id)->pageView();
  QCOMPARE(page->frameSourceText(), QStringLiteral("software (browser process)"));
  // Still painting: a navigation loads and shows in the browser's own painter.
  browser_->navigate(id, QStringLiteral("demo://news"));
  QTRY_VERIFY_WITH_TIMEOUT(pageContains(browser_->tab(id), "front page"), 10000);
  QVERIFY(page->displayList() != nullptr);
  // The menu's retry brings the GPU process back.
  browser_->gpu().retry();
  QTRY_VERIFY_WITH_TIMEOUT(browser_->gpu().mode() == GpuHost::Mode::kRunning, 10000);
  browser_->reload(id);
  QTRY_VERIFY_WITH_TIMEOUT(browser_->gpu().frame(id) != nullptr, 10000);
}

void MainWindowTest::aPluginCrashShowsThePlaceholderInEveryEmbeddingTab() {
  const int a = openAndWait("demo://plugin");
  const int b = openAndWait("demo://plugin");
  for (int id : {a, b}) {
    QTRY_VERIFY_WITH_TIMEOUT(browser_->plugins().content(id, 1).state == PluginHosts::BoxContent::State::kLive, 10000);
  }
  pid_t ticker = -1;
  for (const auto& info : browser_->plugins().types()) {
    if (info.type == "ticker") ticker = info.process->pid();
  }
  QVERIFY(ticker > 0);
  QCOMPARE(::kill(ticker, SIGKILL), 0);
  for (int id : {a, b}) {
    QTRY_VERIFY_WITH_TIMEOUT(window_->tabView(id)->pageView()->displayList() &&
                                 findOnPage(*window_->tabView(id)->pageView()->displayList(), "ticker plugin crashed", false),
                             10000);
    QVERIFY(!window_->tabView(id)->showsSadTab());
  }
}

void MainWindowTest::taskManagerListsEveryProcessAndLosesAKilledRenderer() {
  const int a = openAndWait("demo://home");
  const int b = openAndWait("demo://plugin");
  QTRY_VERIFY_WITH_TIMEOUT(browser_->plugins().content(b, 1).state == PluginHosts::BoxContent::State::kLive, 10000);
  QTest::keyClick(window_.get(), Qt::Key_Escape, Qt::ShiftModifier);
  TaskManager* manager = window_->taskManager();
  QTRY_VERIFY(manager->isVisible());
  const qint64 victim = browser_->tab(a)->renderer_pid;
  QTreeWidgetItem* row = manager->rowForPid(victim);
  QVERIFY(row != nullptr);
  QCOMPARE(row->text(TaskManager::kState), QStringLiteral("running"));
  QCOMPARE(row->childCount(), 1);  // the tab it hosts
  QVERIFY(row->text(TaskManager::kRss).endsWith(QStringLiteral("MB")));
  QCOMPARE(row->text(TaskManager::kSandbox), QStringLiteral("12/12"));
  QVERIFY(manager->rowForPid(::getpid()) != nullptr);
  QVERIFY(manager->rowForPid(browser_->gpu().process()->pid()) != nullptr);
  for (const auto& plugin : browser_->plugins().types()) QVERIFY(manager->rowForPid(plugin.process->pid()) != nullptr);
  // After a second sample, rates and CPU are numbers.
  QTRY_VERIFY_WITH_TIMEOUT(manager->rowForPid(victim)->text(TaskManager::kCpu) != QStringLiteral("-"), 3000);

  QCOMPARE(::kill(static_cast<pid_t>(victim), SIGKILL), 0);
  QTRY_VERIFY_WITH_TIMEOUT(manager->rowForPid(victim) == nullptr, 5000);
  QVERIFY(manager->rowForPid(browser_->tab(b)->renderer_pid) != nullptr);
}

void MainWindowTest::taskManagerEndProcessKillsTheSelectedRenderer() {
  const int a = openAndWait("demo://home");
  TaskManager* manager = window_->taskManager();
  manager->show();
  const qint64 victim = browser_->tab(a)->renderer_pid;
  QTreeWidgetItem* row = manager->rowForPid(victim);
  QVERIFY(row != nullptr);
  row->setSelected(true);
  auto* end = manager->findChild<QPushButton*>();
  QVERIFY(end && end->isEnabled());
  end->click();
  QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(a)->state == TabState::kCrashed, 5000);
  QVERIFY(window_->tabView(a)->showsSadTab());
}

void MainWindowTest::aHungPageGetsAnUnresponsiveBarWithWaitAndKill() {
  window_.reset();
  using namespace std::chrono_literals;
  browser_ = std::make_unique<Browser>(Browser::Options{.heartbeat_interval = 200ms, .unresponsive_after = 1s});
  window_ = std::make_unique<MainWindow>(*browser_);
  window_->show();
  const int other = openAndWait("demo://clock");
  window_->openTab(QStringLiteral("demo://hang"));
  const int hung = window_->currentTabId();
  TabView* view = window_->tabView(hung);
  // Within the timeout plus a heartbeat or two; never a modal dialog.
  QTRY_VERIFY_WITH_TIMEOUT(view->showsUnresponsiveBar(), 2500);
  QVERIFY(QApplication::activeModalWidget() == nullptr);
  QVERIFY(!window_->tabView(other)->showsUnresponsiveBar());

  view->findChild<QPushButton*>(QStringLiteral("waitButton"))->click();
  QVERIFY(!view->showsUnresponsiveBar());
  QVERIFY(browser_->tab(hung)->state != TabState::kUnresponsive);
  QTRY_VERIFY_WITH_TIMEOUT(view->showsUnresponsiveBar(), 2500);  // still hung: it comes back

  view->findChild<QPushButton*>(QStringLiteral("killButton"))->click();
  QTRY_VERIFY_WITH_TIMEOUT(view->showsSadTab(), 5000);
  QVERIFY(!view->showsUnresponsiveBar());
  QCOMPARE(browser_->tab(other)->state, TabState::kLoaded);
}

void MainWindowTest::processMapShowsTheBrowserRenderersAndGpu() {
  auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("processMapDock"));
  QVERIFY(dock && !dock->isVisible());  // hidden until asked for
  const int a = openAndWait("demo://home");
  const int b = openAndWait("demo://news");
  QTRY_VERIFY_WITH_TIMEOUT(browser_->gpu().mode() == GpuHost::Mode::kRunning, 10000);
  ProcessMap* map = showProcessMap();
  QVERIFY(map && map->isVisible());
  map->refresh();
  const auto browser_node = mapNode(*map, ::getpid());
  QVERIFY(browser_node);
  QVERIFY(browser_node->label.contains(QStringLiteral("browser")));
  for (int id : {a, b}) {
    const qint64 pid = browser_->tab(id)->renderer_pid;
    const auto node = mapNode(*map, pid);
    QVERIFY(node);
    QVERIFY2(node->label.contains(QStringLiteral("renderer %1").arg(pid)), qPrintable(node->label));
    QVERIFY2(node->label.contains(QStringLiteral("tab %1").arg(id)), qPrintable(node->label));
    QCOMPARE(node->colour, ProcessMap::kRunning);
    QVERIFY(map->rect().contains(node->centre.toPoint()));
  }
  const auto gpu = mapNode(*map, browser_->gpu().process()->pid());
  QVERIFY(gpu);
  QVERIFY(gpu->label.contains(QStringLiteral("GPU")));
  QCOMPARE(map->nodes().size(), size_t(4));
}

void MainWindowTest::processMapTurnsAKilledRendererRed() {
  const int victim = openAndWait("demo://home");
  const int survivor = openAndWait("demo://news");
  ProcessMap* map = showProcessMap();
  QVERIFY(map);
  const qint64 victim_pid = browser_->tab(victim)->renderer_pid;
  const qint64 survivor_pid = browser_->tab(survivor)->renderer_pid;
  QTRY_VERIFY(mapNode(*map, victim_pid) && mapNode(*map, victim_pid)->colour == ProcessMap::kRunning);

  QCOMPARE(::kill(static_cast<pid_t>(victim_pid), SIGKILL), 0);
  QTRY_VERIFY_WITH_TIMEOUT(mapNode(*map, victim_pid) && mapNode(*map, victim_pid)->colour == ProcessMap::kExited, 5000);
  QCOMPARE(browser_->tab(victim)->state, TabState::kCrashed);
  QVERIFY(mapNode(*map, survivor_pid));
  QCOMPARE(mapNode(*map, survivor_pid)->colour, ProcessMap::kRunning);
  // The dead node is a short memory, not a permanent one.
  QTRY_VERIFY_WITH_TIMEOUT(!mapNode(*map, victim_pid), 10000);
  QVERIFY(mapNode(*map, survivor_pid));
}

void MainWindowTest::clickingAProcessMapNodeSelectsItInTheTaskManager() {
  openAndWait("demo://home");
  const int b = openAndWait("demo://news");
  ProcessMap* map = showProcessMap();
  QVERIFY(map);
  const qint64 pid = browser_->tab(b)->renderer_pid;
  map->refresh();
  const auto node = mapNode(*map, pid);
  QVERIFY(node);
  QSignalSpy selected(map, &ProcessMap::processSelected);
  QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, node->centre.toPoint());
  QCOMPARE(selected.count(), 1);
  QCOMPARE(selected.first().first().toLongLong(), pid);
  TaskManager* manager = window_->taskManager();
  QTRY_VERIFY(manager->isVisible());
  QTreeWidgetItem* row = manager->rowForPid(pid);
  QVERIFY(row != nullptr);
  QVERIFY(row->isSelected());
  QCOMPARE(manager->tree()->selectedItems().size(), qsizetype(1));
}

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
