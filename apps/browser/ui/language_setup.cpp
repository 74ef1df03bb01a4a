#include "apps/browser/ui/language_setup.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace sb::browser {
namespace {

// Marks the translators this file installed, so a second call replaces them instead of stacking.
constexpr char kTranslatorName[] = "sbUiTranslator";

bool installTranslator(QCoreApplication& app, const QString& file, const QString& directory) {
  auto* translator = new QTranslator(&app);
  translator->setObjectName(QLatin1String(kTranslatorName));
  if (!translator->load(file, directory) || !app.installTranslator(translator)) {
    delete translator;
    return false;
  }
  return true;
}

}  // namespace

QList<UiLanguage> uiLanguages() {
  return {{QStringLiteral("en"), QStringLiteral("English")},
          {QStringLiteral("ko"), QStringLiteral("한국어")}};
}

QLocale uiLocale(const QSettings& settings) {
  const QString code = settings.value(QLatin1String(kUiLanguageKey)).toString();
  return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QString installUiTranslators(QCoreApplication& app, const QSettings& settings) {
  // Deleting a translator uninstalls it.
  qDeleteAll(
      app.findChildren<QTranslator*>(QLatin1String(kTranslatorName), Qt::FindDirectChildrenOnly));
  // The locale's languages in order of preference (LANGUAGE may list several). The sources are
  // English: once English comes up, a later language must not win just because it has a file.
  for (const QString& tag : uiLocale(settings).uiLanguages()) {
    const QLocale::Language language = QLocale(tag).language();
    if (language == QLocale::English || language == QLocale::C) break;
    const QString code = QLocale::languageToCode(language);
    if (!installTranslator(app, QStringLiteral("sandbrowser_") + code, QStringLiteral(":/i18n")))
      continue;
    // Qt's own strings (standard buttons, file dialogs) when the system has them; optional.
    installTranslator(app, QStringLiteral("qtbase_") + code,
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return code;
  }
  return QStringLiteral("en");
}

}  // namespace sb::browser
