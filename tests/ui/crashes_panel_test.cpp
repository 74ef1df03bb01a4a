// The Crashes dock offscreen: demo://crash in a real renderer turns up as a SIGSEGV report whose
// backtrace names our functions; the Renderer menu's auto-reload switch and the crash-loop line
// on the sad tab.
#include "apps/browser/ui/crashes_panel.h"

#include <signal.h>
#include <unistd.h>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

#include "apps/browser/core/browser.h"
#include "apps/browser/ui/main_window.h"
#include "apps/browser/ui/sad_tab_view.h"
#include "apps/browser/ui/tab_view.h"
#include "tests/support/proc_inspect.h"

using namespace sb::browser;

class CrashesPanelTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<Browser> browser_;
  std::unique_ptr<MainWindow> window_;

 private slots:
  void init();
  void cleanup();

  void startsHiddenAndEmpty();
  void aCrashPageIsListedAsSigsegvWithABacktraceNamingOurFunctions();
  void aKillShowsNoBacktraceButItsLastMessages();
  void theRendererMenuSwitchesAutoReloadAndTheSadTabNamesACrashLoop();
};

void CrashesPanelTest::init() {
  browser_ = std::make_unique<Browser>(Browser::Options{.gpu_process = false});
  window_ = std::make_unique<MainWindow>(*browser_);
  window_->resize(1000, 700);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void CrashesPanelTest::cleanup() {
  window_.reset();
  browser_.reset();
  QVERIFY(sb::testing::zombieChildrenOf(::getpid()).empty());
}

void CrashesPanelTest::startsHiddenAndEmpty() {
  auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("crashesDock"));
  QVERIFY(dock);
  QCOMPARE(dock->windowTitle(), QStringLiteral("Crashes"));
  QVERIFY(!dock->isVisible());
  QVERIFY(window_->crashesPanel());
  QCOMPARE(window_->crashesPanel()->list()->topLevelItemCount(), 0);
}

void CrashesPanelTest::aCrashPageIsListedAsSigsegvWithABacktraceNamingOurFunctions() {
  window_->openTab(QStringLiteral("demo://crash"));
  const int id = window_->currentTabId();
  QTRY_VERIFY_WITH_TIMEOUT(window_->tabView(id)->showsSadTab(), 10000);

  QTest::keyClick(window_.get(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
  auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("crashesDock"));
  QTRY_VERIFY(dock->isVisible());

  CrashesPanel* panel = window_->crashesPanel();
  QCOMPARE(panel->list()->topLevelItemCount(), 1);
  QTreeWidgetItem* row = panel->list()->topLevelItem(0);
  QCOMPARE(row->text(CrashesPanel::kKind), QStringLiteral("renderer"));
  QCOMPARE(row->text(CrashesPanel::kPid), QString::number(browser_->tab(id)->crashed_pid));
  QVERIFY2(row->text(CrashesPanel::kReason).contains(QStringLiteral("SIGSEGV")),
           qPrintable(row->text(CrashesPanel::kReason)));
  QVERIFY(row->isSelected());  // the newest is shown without a click

  const QString backtrace = panel->backtrace()->toPlainText();
  QVERIFY2(
      backtrace.contains(QStringLiteral("segvNow")) || backtrace.contains(QStringLiteral("sb::")),
      qPrintable(backtrace));
  QVERIFY(panel->summary()->text().contains(QStringLiteral("demo://crash")));
  QVERIFY(panel->messages()->rowCount() > 0);
  QVERIFY(panel->messages()->rowCount() <= 20);
}

void CrashesPanelTest::aKillShowsNoBacktraceButItsLastMessages() {
  window_->openTab(QStringLiteral("demo://home"));
  const int id = window_->currentTabId();
  QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(id)->state == TabState::kLoaded, 10000);
  QVERIFY(browser_->killRenderer(id, SIGKILL).ok);
  CrashesPanel* panel = window_->crashesPanel();
  QTRY_COMPARE_WITH_TIMEOUT(panel->list()->topLevelItemCount(), 1, 10000);
  QCOMPARE(panel->list()->topLevelItem(0)->text(CrashesPanel::kReason),
           QStringLiteral("killed by SIGKILL (9)"));
  QVERIFY(panel->backtrace()->toPlainText().startsWith(QStringLiteral("(none")));
  QVERIFY(panel->messages()->rowCount() > 0);
}

void CrashesPanelTest::theRendererMenuSwitchesAutoReloadAndTheSadTabNamesACrashLoop() {
  auto* auto_reload = window_->findChild<QAction*>(QStringLiteral("autoReloadCrashed"));
  QVERIFY(auto_reload);
  QVERIFY(auto_reload->isCheckable());
  QVERIFY(!auto_reload->isChecked());
  auto_reload->trigger();
  QVERIFY(browser_->autoReloadCrashed());

  window_->openTab(QStringLiteral("demo://crash"));
  const int id = window_->currentTabId();
  QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(id)->crash_loop, 15000);
  QTRY_VERIFY(window_->tabView(id)->showsSadTab());
  const QString note = window_->tabView(id)->sadTabView()->noteText();
  QVERIFY2(note.contains(QStringLiteral("crashed again")) &&
               note.contains(QStringLiteral("not being reloaded automatically")),
           qPrintable(note));
  QCOMPARE(window_->crashesPanel()->list()->topLevelItemCount(), 2);
}

QTEST_MAIN(CrashesPanelTest)
#include "crashes_panel_test.moc"
