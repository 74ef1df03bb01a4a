#include "apps/browser/headless/comparison_options.h"

#include <QCoreApplication>
#include <QObject>

#include "apps/browser/core/count_flag.h"

namespace sb::browser {
namespace {

const QString kCompare = QStringLiteral("compare-models");
const QString kTabs = QStringLiteral("compare-tabs");
const QString kCsv = QStringLiteral("compare-csv");

// The comparison picks the models, the tabs and the sockets itself; these would be ignored.
const QStringList kConflicting = {QStringLiteral("demo"), QStringLiteral("control-socket"),
                                  QStringLiteral("process-model"),
                                  QStringLiteral("renderer-process-limit")};
// Flags every model's browser gets as given: how renderers start, not which tabs share them.
const QStringList kPassedOn = {QStringLiteral("no-sandbox"), QStringLiteral("zygote"),
                               QStringLiteral("no-zygote")};

}  // namespace

void addComparisonOptions(QCommandLineParser& parser) {
  parser.addOption(QCommandLineOption(
      kCompare, QCoreApplication::translate(
                    "main",
                    "With --headless: open the same tabs in each process model, each in a browser "
                    "of its own, crash one renderer, and print processes, memory, first paint and "
                    "what the crash took down.")));
  parser.addOption(
      QCommandLineOption(kTabs,
                         QCoreApplication::translate(
                             "main", "Tabs --compare-models opens per model (1 to %1, default %2).")
                             .arg(kMaxCompareTabs)
                             .arg(kDefaultCompareTabs),
                         QStringLiteral("count")));
  parser.addOption(
      QCommandLineOption(kCsv,
                         QCoreApplication::translate(
                             "main", "Also write --compare-models' table as CSV to this file."),
                         QStringLiteral("file")));
}

std::variant<int, QString> parseCompareTabs(const QString& text) {
  return parseCountFlag(text, kMaxCompareTabs, QObject::tr("tab count"));
}

ComparisonRequest comparisonRequest(const QCommandLineParser& parser, bool headless) {
  if (!parser.isSet(kCompare)) {
    for (const QString& flag : {kTabs, kCsv}) {
      if (parser.isSet(flag)) return QObject::tr("--%1 needs --compare-models").arg(flag);
    }
    return std::monostate{};
  }
  if (!headless) return QObject::tr("--compare-models needs --headless");
  for (const QString& flag : kConflicting) {
    if (parser.isSet(flag)) {
      return QObject::tr(
                 "--compare-models chooses the models, tabs and sockets itself; "
                 "leave out --%1")
          .arg(flag);
    }
  }
  if (!parser.positionalArguments().isEmpty()) {
    return QObject::tr("--compare-models opens its own tabs; leave out the URLs (%1)")
        .arg(parser.positionalArguments().join(QLatin1Char(' ')));
  }
  ComparisonOptions options;
  if (parser.isSet(kTabs)) {
    auto tabs = parseCompareTabs(parser.value(kTabs));
    if (auto* error = std::get_if<QString>(&tabs)) {
      return QStringLiteral("--compare-tabs: ") + *error;
    }
    options.tabs = std::get<int>(tabs);
  }
  options.csv_path = parser.value(kCsv);
  if (parser.isSet(kCsv) && options.csv_path.isEmpty()) {
    return QObject::tr("--compare-csv: give a file name");
  }
  options.executable = QCoreApplication::applicationFilePath();
  for (const QString& flag : kPassedOn) {
    if (parser.isSet(flag)) options.browser_arguments << QStringLiteral("--") + flag;
  }
  return options;
}

}  // namespace sb::browser
