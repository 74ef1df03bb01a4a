// Process models in the window, offscreen: the status bar's model, the settings dialog that
// changes it for new tabs, and how tabs that share a renderer show it (pid badge, task manager).
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include "apps/browser/core/browser.h"
#include "apps/browser/ui/main_window.h"
#include "apps/browser/ui/pid_badge.h"
#include "apps/browser/ui/settings_dialog.h"
#include "apps/browser/ui/single_process_warning.h"
#include "apps/browser/ui/tab_strip.h"
#include "apps/browser/ui/task_manager.h"
#include "tests/support/proc_inspect.h"

using namespace sb::browser;

class ProcessModelUiTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<Browser> browser_;
  std::unique_ptr<MainWindow> window_;

  void start(Browser::Options options) {
    options.gpu_process = false;
    browser_ = std::make_unique<Browser>(std::move(options));
    window_ = std::make_unique<MainWindow>(*browser_);
    window_->resize(1000, 700);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  }

  int openAndWait(const QString& url) {
    window_->openTab(url);
    const int id = window_->currentTabId();
    [&] {
      QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(id) && browser_->tab(id)->state == TabState::kLoaded,
                               10000);
    }();
    return id;
  }

  PidBadge* badge(int tab_id) const {
    return qobject_cast<PidBadge*>(
        window_->tabStrip()->tabButton(window_->indexOfTab(tab_id), QTabBar::LeftSide));
  }

  QString modelStatus() const {
    auto* label = window_->findChild<QLabel*>(QStringLiteral("processModelStatus"));
    return label ? label->text() : QStringLiteral("(no label)");
  }

  SettingsDialog* openSettings() {
    auto* action = window_->findChild<QAction*>(QStringLiteral("openSettings"));
    if (!action) return nullptr;
    action->trigger();
    return window_->findChild<SettingsDialog*>();
  }

 private slots:
  void initTestCase();
  void cleanup();
  void statusBarShowsTheModelInForce();
  void settingsDialogChangesTheModelForNewTabs();
  void cancellingTheSettingsChangesNothing();
  void badgesOfTabsThatShareARendererSaySo();
  void taskManagerListsSharedTabsUnderOneRow();
  void singleProcessTabsShowTheirThreadOnTheBadgeAndInTheTaskManager();
  void aComingFaultIsExplainedOnceOnly();
  void taskManagerListsTheZygoteThatForkedTheRenderers();
};

void ProcessModelUiTest::initTestCase() {
  // The one-time explanation is remembered in QSettings: keep it out of the user's own.
  static QTemporaryDir settings_dir;
  QVERIFY(settings_dir.isValid());
  QCoreApplication::setOrganizationName(QStringLiteral("SandbrowserTests"));
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir.path());
}

void ProcessModelUiTest::cleanup() {
  window_.reset();
  browser_.reset();  // kills and reaps any renderer left
  QVERIFY(sb::testing::zombieChildrenOf(::getpid()).empty());
}

void ProcessModelUiTest::statusBarShowsTheModelInForce() {
  start({.process_model = ProcessModel::kPerSite, .renderer_process_limit = 2});
  QCOMPARE(modelStatus(), QString::fromUtf8("per-site · limit 2"));
}

void ProcessModelUiTest::settingsDialogChangesTheModelForNewTabs() {
  start({});
  QCOMPARE(modelStatus(), QString::fromUtf8("per-tab · no limit"));
  const int before = openAndWait("demo://clock");
  SettingsDialog* dialog = openSettings();
  QVERIFY(dialog);
  QTRY_VERIFY(dialog->isVisible());
  QCOMPARE(dialog->processModel()->currentData().toInt(), static_cast<int>(ProcessModel::kPerTab));
  QCOMPARE(dialog->processLimit()->text(), QStringLiteral("No limit"));
  dialog->processModel()->setCurrentIndex(
      dialog->processModel()->findData(static_cast<int>(ProcessModel::kPerSite)));
  dialog->processLimit()->setValue(3);
  dialog->accept();
  QVERIFY(browser_->options().process_model == ProcessModel::kPerSite);
  QCOMPARE(browser_->options().renderer_process_limit, 3);
  QCOMPARE(modelStatus(), QString::fromUtf8("per-site · limit 3"));
  QTRY_VERIFY(window_->findChild<SettingsDialog*>() == nullptr);  // deleted on close

  // The clock opened before joins nothing new; a new clock tab joins its renderer (same site).
  const int after = openAndWait("demo://clock?again");
  QCOMPARE(browser_->tab(after)->renderer_pid, browser_->tab(before)->renderer_pid);
  const int news = openAndWait("demo://news");
  QVERIFY(browser_->tab(news)->renderer_pid != browser_->tab(before)->renderer_pid);
}

void ProcessModelUiTest::cancellingTheSettingsChangesNothing() {
  start({.renderer_process_limit = 4});
  SettingsDialog* dialog = openSettings();
  QVERIFY(dialog);
  QCOMPARE(dialog->processLimit()->value(), 4);
  dialog->processModel()->setCurrentIndex(
      dialog->processModel()->findData(static_cast<int>(ProcessModel::kPerSite)));
  dialog->processLimit()->setValue(1);
  dialog->reject();
  QVERIFY(browser_->options().process_model == ProcessModel::kPerTab);
  QCOMPARE(browser_->options().renderer_process_limit, 4);
  QCOMPARE(modelStatus(), QString::fromUtf8("per-tab · limit 4"));
}

void ProcessModelUiTest::badgesOfTabsThatShareARendererSaySo() {
  start({.process_model = ProcessModel::kPerSite});
  const int clock = openAndWait("demo://clock");
  const int clock_too = openAndWait("demo://clock?x=1");
  const int news = openAndWait("demo://news");
  const qint64 shared = browser_->tab(clock)->renderer_pid;
  QCOMPARE(browser_->tab(clock_too)->renderer_pid, shared);

  for (int id : {clock, clock_too}) {
    QTRY_VERIFY(badge(id)->shared());
    QCOMPARE(badge(id)->text(), QStringLiteral("%1 ×2").arg(shared));
    QVERIFY2(badge(id)->toolTip().startsWith(
                 QStringLiteral("Shares renderer pid %1 with: ").arg(shared)),
             qPrintable(badge(id)->toolTip()));
  }
  QVERIFY2(badge(clock)->toolTip().contains(browser_->tab(clock_too)->title),
           qPrintable(badge(clock)->toolTip()));
  QVERIFY(!badge(clock)->toolTip().contains(browser_->tab(news)->title));
  QVERIFY(!badge(news)->shared());
  QCOMPARE(badge(news)->text(), QString::number(browser_->tab(news)->renderer_pid));

  // The other tab goes: the clock has its renderer to itself again.
  QVERIFY(browser_->closeTab(clock_too).ok);
  QTRY_VERIFY(!badge(clock)->shared());
  QCOMPARE(badge(clock)->text(), QString::number(shared));
  QCOMPARE(badge(clock)->toolTip(), QStringLiteral("Renderer pid %1").arg(shared));
}

void ProcessModelUiTest::taskManagerListsSharedTabsUnderOneRow() {
  start({.renderer_process_limit = 1});
  const int home = openAndWait("demo://home");
  const int news = openAndWait("demo://news");
  const qint64 pid = browser_->tab(home)->renderer_pid;
  QCOMPARE(browser_->tab(news)->renderer_pid, pid);
  TaskManager* manager = window_->taskManager();
  manager->refresh();
  int renderer_rows = 0;
  for (int i = 0; i < manager->tree()->topLevelItemCount(); ++i) {
    renderer_rows += manager->tree()
                         ->topLevelItem(i)
                         ->text(TaskManager::kName)
                         .startsWith(QStringLiteral("Renderer"));
  }
  QCOMPARE(renderer_rows, 1);
  QTreeWidgetItem* row = manager->rowForPid(pid);
  QVERIFY(row);
  QCOMPARE(row->text(TaskManager::kName), QStringLiteral("Renderer (shared by 2 tabs)"));
  QCOMPARE(row->childCount(), 2);
}

void ProcessModelUiTest::singleProcessTabsShowTheirThreadOnTheBadgeAndInTheTaskManager() {
  start({.process_model = ProcessModel::kSingleProcess});
  const int home = openAndWait("demo://home");
  QCOMPARE(browser_->tab(home)->renderer_pid, static_cast<qint64>(::getpid()));
  QTRY_COMPARE(badge(home)->text(), QStringLiteral("thread in %1").arg(::getpid()));
  QVERIFY(badge(home)->toolTip().contains(QStringLiteral("ends the browser")));
  QVERIFY2(modelStatus().startsWith(QStringLiteral("single-process")), qPrintable(modelStatus()));

  TaskManager* manager = window_->taskManager();
  manager->refresh();
  QTreeWidgetItem* browser_row = manager->rowForPid(::getpid());
  QVERIFY(browser_row);
  QCOMPARE(browser_row->childCount(), 1);
  QTreeWidgetItem* thread = browser_row->child(0);
  QCOMPARE(thread->text(TaskManager::kName), QStringLiteral("Renderer thread"));
  QCOMPARE(thread->childCount(), 1);  // its tab
  for (int i = 0; i < manager->tree()->topLevelItemCount(); ++i) {
    QVERIFY(!manager->tree()->topLevelItem(i)->text(TaskManager::kName).startsWith(QStringLiteral("Renderer")));
  }
}

void ProcessModelUiTest::aComingFaultIsExplainedOnceOnly() {
  QSettings().remove(QLatin1String(kSingleProcessFaultExplainedKey));
  start({.process_model = ProcessModel::kSingleProcess});
  QStringList shown;
  // The box is modal (exec): read it and close it from inside its own event loop.
  auto closeTheBoxSoon = [&shown] {
    QTimer::singleShot(50, [&shown] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        shown << box->objectName() + QLatin1Char(':') + box->text();
        box->accept();
      }
    });
  };
  closeTheBoxSoon();
  emit browser_->processFaultAhead(QStringLiteral("a null-pointer write (SIGSEGV)"));
  QCOMPARE(shown.size(), 1);
  QVERIFY2(shown.first().startsWith(QStringLiteral("singleProcessFaultBox:")), qPrintable(shown.first()));
  QVERIFY2(shown.first().contains(QStringLiteral("a null-pointer write")), qPrintable(shown.first()));
  QVERIFY(QSettings().value(QLatin1String(kSingleProcessFaultExplainedKey)).toBool());

  closeTheBoxSoon();
  emit browser_->processFaultAhead(QStringLiteral("abort() (SIGABRT)"));
  QTest::qWait(150);  // a box would have been seen and closed by now
  QCOMPARE(shown.size(), 1);
}

void ProcessModelUiTest::taskManagerListsTheZygoteThatForkedTheRenderers() {
  start({});  // the zygote is on by default
  QVERIFY(browser_->zygote());
  QTRY_VERIFY_WITH_TIMEOUT(browser_->zygote()->ready(), 10000);
  openAndWait("demo://home");
  QCOMPARE(browser_->zygote()->forks(), uint64_t{1});
  TaskManager* manager = window_->taskManager();
  manager->refresh();
  QTreeWidgetItem* row = manager->rowForPid(browser_->zygote()->pid());
  QVERIFY(row);
  QCOMPARE(row->text(TaskManager::kName), QStringLiteral("Zygote (renderers forked: 1)"));
  QCOMPARE(row->text(TaskManager::kSandbox), QStringLiteral("namespaces only"));
}

QTEST_MAIN(ProcessModelUiTest)
#include "process_model_ui_test.moc"
