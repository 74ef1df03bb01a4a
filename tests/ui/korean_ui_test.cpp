// The window in Korean: LANG=ko_KR.UTF-8 (set by CTest) and no language setting give Korean menus
// and actions through the same function main.cpp calls; an explicit "English" setting wins over
// the locale; the settings dialog stores the choice.
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "apps/browser/core/browser.h"
#include "apps/browser/ui/language_setup.h"
#include "apps/browser/ui/main_window.h"
#include "apps/browser/ui/settings_dialog.h"

using namespace sb::browser;

class KoreanUiTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<Browser> browser_;
  std::unique_ptr<MainWindow> window_;

  void buildWindow() {
    browser_ = std::make_unique<Browser>(Browser::Options{});
    window_ = std::make_unique<MainWindow>(*browser_);
  }

  QAction* action(const char* name) const {
    return window_->findChild<QAction*>(QLatin1String(name));
  }

  // The Renderer button's menu: its first action, "Kill renderer (SIGKILL)".
  QString firstRendererMenuEntry() const {
    for (auto* button : window_->findChildren<QToolButton*>()) {
      if (button->menu() && button->menu()->actions().contains(action("openSettings"))) {
        return button->menu()->actions().constFirst()->text();
      }
    }
    return {};
  }

 private slots:
  void init();
  void cleanup();

  void theSystemLocaleIsKorean();
  void aKoreanLocaleGivesAKoreanWindow();
  void anEnglishSettingWinsOverAKoreanLocale();
  void theSettingsDialogStoresTheLanguage();
};

void KoreanUiTest::init() {
  QSettings().remove(QLatin1String(kUiLanguageKey));
  installUiTranslators(*qApp, QSettings());
}

void KoreanUiTest::cleanup() {
  window_.reset();
  browser_.reset();
  QSettings().remove(QLatin1String(kUiLanguageKey));
}

// Qt reads LANG/LC_ALL itself, so this holds even where glibc has no ko_KR locale generated.
void KoreanUiTest::theSystemLocaleIsKorean() {
  QCOMPARE(QLocale::system().language(), QLocale::Korean);
  QCOMPARE(uiLocale(QSettings()).language(), QLocale::Korean);
}

void KoreanUiTest::aKoreanLocaleGivesAKoreanWindow() {
  QVERIFY(!QSettings().contains(QLatin1String(kUiLanguageKey)));
  QCOMPARE(installUiTranslators(*qApp, QSettings()), QStringLiteral("ko"));
  buildWindow();
  auto* help = window_->findChild<QToolButton*>(QStringLiteral("helpButton"));
  QVERIFY(help);
  QCOMPARE(help->text(), QStringLiteral("도움말"));
  QVERIFY(action("tourAction"));
  QCOMPARE(action("tourAction")->text(), QStringLiteral("둘러보기"));
  QVERIFY(action("openSettings"));
  QCOMPARE(action("openSettings")->text(), QStringLiteral("설정…"));
  QCOMPARE(action("showCrashReports")->text(), QStringLiteral("크래시 보고서"));
  QCOMPARE(window_->inspectorDock()->toggleViewAction()->text(), QStringLiteral("인스펙터"));
  QCOMPARE(window_->inspectorDock()->windowTitle(), QStringLiteral("IPC 인스펙터"));
  QCOMPARE(firstRendererMenuEntry(), QStringLiteral("렌더러 강제 종료 (SIGKILL)"));
  auto* model = window_->findChild<QLabel*>(QStringLiteral("processModelStatus"));
  QVERIFY(model);
  QVERIFY2(model->text().contains(QStringLiteral("제한 없음")), qPrintable(model->text()));
}

void KoreanUiTest::anEnglishSettingWinsOverAKoreanLocale() {
  QSettings().setValue(QLatin1String(kUiLanguageKey), QStringLiteral("en"));
  QCOMPARE(installUiTranslators(*qApp, QSettings()), QStringLiteral("en"));
  buildWindow();
  QCOMPARE(window_->findChild<QToolButton*>(QStringLiteral("helpButton"))->text(),
           QStringLiteral("Help"));
  QCOMPARE(action("openSettings")->text(), QStringLiteral("Settings…"));
  QCOMPARE(window_->inspectorDock()->toggleViewAction()->text(), QStringLiteral("Inspector"));
  QCOMPARE(firstRendererMenuEntry(), QStringLiteral("Kill renderer (SIGKILL)"));
}

void KoreanUiTest::theSettingsDialogStoresTheLanguage() {
  browser_ = std::make_unique<Browser>(Browser::Options{});
  {
    SettingsDialog dialog(*browser_);
    QComboBox* language = dialog.language();
    QCOMPARE(language->objectName(), QStringLiteral("uiLanguage"));
    QCOMPARE(language->count(), 3);
    QCOMPARE(language->currentText(), QStringLiteral("시스템 기본값"));
    QCOMPARE(language->itemText(1), QStringLiteral("English"));
    QCOMPARE(language->itemText(2), QStringLiteral("한국어"));
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    dialog.accept();
  }
  QCOMPARE(QSettings().value(QLatin1String(kUiLanguageKey)).toString(), QStringLiteral("en"));
  {
    SettingsDialog dialog(*browser_);
    QCOMPARE(dialog.language()->currentData().toString(), QStringLiteral("en"));
    dialog.language()->setCurrentIndex(0);
    dialog.accept();
  }
  QVERIFY(!QSettings().contains(QLatin1String(kUiLanguageKey)));
}

// The settings live in a fresh directory: the tester's own language setting must not count, and
// the test's must not stay behind. QSettings reads XDG_CONFIG_HOME once, so set it before anything.
int main(int argc, char** argv) {
  QTemporaryDir config;
  if (!config.isValid()) return 1;
  qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
  QApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("Sandbrowser"));
  QCoreApplication::setOrganizationName(QStringLiteral("Sandbrowser"));
  KoreanUiTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "korean_ui_test.moc"
