#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;
class QSettings;

namespace sb::browser {

// The language of the window's text: the QSettings key, and its values ("" follows the system).
inline constexpr char kUiLanguageKey[] = "ui/language";

struct UiLanguage {
  QString code;  // stored in kUiLanguageKey: "en", "ko"
  QString name;  // in its own language, so anyone can find theirs: "English", "한국어"
};

// The languages the settings dialog offers besides "System default".
QList<UiLanguage> uiLanguages();

// The locale the window's text should follow: the setting's, or the system's when unset.
QLocale uiLocale(const QSettings& settings);

// Installs the translators for uiLocale(settings) into `app`, replacing any this installed before:
// Sandbrowser's own (built in, :/i18n) and Qt's (standard buttons, if the system has them).
// Returns the language code of the translation now in use ("en" when none was needed or found).
QString installUiTranslators(QCoreApplication& app, const QSettings& settings);

}  // namespace sb::browser
