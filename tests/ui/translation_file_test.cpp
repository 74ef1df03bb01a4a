// translations/sandbrowser_ko.ts: every entry translated, its placeholders and markup kept, and
// nothing missing or left over compared with the sources (lupdate run into a copy).
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Entry {
  QString context;
  QString source;
  QString type;              // "", "unfinished", "vanished", "obsolete"
  QStringList translations;  // one, or one per numerus form
};

// The entries of a .ts file; an empty list and `error` when it cannot be read.
QList<Entry> readTs(const QString& path, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = file.errorString();
    return {};
  }
  QList<Entry> entries;
  QString context;
  QXmlStreamReader xml(&file);
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (xml.name() == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (xml.name() == QLatin1String("message")) {
      entries.append({context, {}, {}, {}});
    } else if (xml.name() == QLatin1String("source") && !entries.isEmpty()) {
      entries.last().source = xml.readElementText();
    } else if (xml.name() == QLatin1String("translation") && !entries.isEmpty()) {
      entries.last().type = xml.attributes().value(QLatin1String("type")).toString();
      // Plain text, or <numerusform> children.
      QString text;
      bool numerus = false;
      while (xml.readNext() != QXmlStreamReader::EndElement ||
             xml.name() != QLatin1String("translation")) {
        if (xml.atEnd()) break;
        if (xml.isCharacters()) text += xml.text();
        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
          numerus = true;
          entries.last().translations << xml.readElementText();
        }
      }
      if (!numerus) entries.last().translations << text;
    }
  }
  if (xml.hasError())
    *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
  return entries;
}

// %1, %2, %n (and %L1): the arguments, which a translation may reorder but not lose.
QSet<QString> placeholders(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("%L?(\\d+|n)"));
  QSet<QString> found;
  for (const auto& match : pattern.globalMatch(text)) found.insert(match.captured());
  return found;
}

// Rich-text tags (<b>, <a href='live'>): a translation must keep the markup and the links.
QSet<QString> tags(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("<[^<>]+>"));
  QSet<QString> found;
  for (const auto& match : pattern.globalMatch(text)) found.insert(match.captured());
  return found;
}

// Keyboard accelerators: a single & before a letter ("&Help", Korean style "도움말(&H)").
int accelerators(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("(?<!&)&(?=[\\w])"));
  int count = 0;
  for (auto it = pattern.globalMatch(text); it.hasNext(); it.next()) ++count;
  return count;
}

QString describe(const Entry& entry) {
  return entry.context + QStringLiteral(": \"") + entry.source + '"';
}

// The entries that are not finished translations, one line each.
QStringList unfinished(const QList<Entry>& entries) {
  QStringList problems;
  for (const Entry& entry : entries) {
    if (!entry.type.isEmpty()) {
      problems << entry.type + QStringLiteral(": ") + describe(entry);
      continue;
    }
    for (const QString& translation : entry.translations) {
      if (translation.trimmed().isEmpty()) problems << QStringLiteral("empty: ") + describe(entry);
    }
    if (entry.translations.isEmpty())
      problems << QStringLiteral("no translation: ") + describe(entry);
  }
  return problems;
}

}  // namespace

class TranslationFileTest : public QObject {
  Q_OBJECT

 private slots:
  void everyEntryIsTranslated();
  void translationsKeepPlaceholdersMarkupAndAccelerators();
  void isUpToDateWithTheSources();
};

void TranslationFileTest::everyEntryIsTranslated() {
  QString error;
  const QList<Entry> entries = readTs(QStringLiteral(SB_TS_FILE), &error);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  QVERIFY(entries.size() > 100);
  const QStringList problems = unfinished(entries);
  QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

void TranslationFileTest::translationsKeepPlaceholdersMarkupAndAccelerators() {
  QString error;
  const QList<Entry> entries = readTs(QStringLiteral(SB_TS_FILE), &error);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  QStringList problems;
  for (const Entry& entry : entries) {
    for (const QString& translation : entry.translations) {
      if (placeholders(translation) != placeholders(entry.source)) {
        problems << QStringLiteral("placeholders differ: ") + describe(entry) +
                        QStringLiteral(" -> ") + translation;
      }
      if (tags(translation) != tags(entry.source)) {
        problems << QStringLiteral("markup differs: ") + describe(entry) + QStringLiteral(" -> ") +
                        translation;
      }
      if (accelerators(translation) != accelerators(entry.source)) {
        problems << QStringLiteral("accelerators differ: ") + describe(entry) +
                        QStringLiteral(" -> ") + translation;
      }
    }
  }
  QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

// lupdate over the sources, as the update_translations target runs it, into a copy: a string
// added to the code comes back unfinished, one removed comes back vanished.
void TranslationFileTest::isUpToDateWithTheSources() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString copy = dir.filePath(QStringLiteral("sandbrowser_ko.ts"));
  QVERIFY(QFile::copy(QStringLiteral(SB_TS_FILE), copy));
  QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
  const QString root = QStringLiteral(SB_SOURCE_DIR);
  QProcess lupdate;
  lupdate.setWorkingDirectory(root);
  lupdate.setProcessChannelMode(QProcess::MergedChannels);
  lupdate.start(QStringLiteral(SB_LUPDATE),
                {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-I"), root,
                 QStringLiteral("apps/browser/core"), QStringLiteral("apps/browser/ui"),
                 QStringLiteral("apps/browser/main.cpp"), QStringLiteral("-ts"), copy});
  QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
  QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
           lupdate.readAll().constData());
  QString error;
  const QList<Entry> updated = readTs(copy, &error);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const QStringList problems = unfinished(updated);
  QVERIFY2(
      problems.isEmpty(),
      qPrintable(QStringLiteral("translations/sandbrowser_ko.ts is behind the sources; build the "
                                "update_translations target and translate:\n") +
                 problems.join('\n')));
}

QTEST_GUILESS_MAIN(TranslationFileTest)
#include "translation_file_test.moc"
