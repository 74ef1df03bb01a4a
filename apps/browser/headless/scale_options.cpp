#include "apps/browser/headless/scale_options.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include "apps/browser/core/count_flag.h"
#include "apps/browser/headless/seed_flag.h"

namespace sb::browser {
namespace {

const QString kScale = QStringLiteral("scale");
const QString kSeed = QStringLiteral("scale-seed");

// The run measures sandboxed per-tab renderers that it opens, kills and reloads itself: each of
// these would change what is measured or act on the tabs behind its back.
const QStringList kConflicting = {QStringLiteral("demo"),
                                  QStringLiteral("compare-models"),
                                  QStringLiteral("compare-tabs"),
                                  QStringLiteral("compare-csv"),
                                  QStringLiteral("control-socket"),
                                  QStringLiteral("process-model"),
                                  QStringLiteral("renderer-process-limit"),
                                  QStringLiteral("no-sandbox"),
                                  QStringLiteral("disable-sandbox-layer"),
                                  QStringLiteral("auto-reload-crashed")};

}  // namespace

void addScaleOptions(QCommandLineParser& parser) {
  parser.addOption(QCommandLineOption(
      kScale,
      QCoreApplication::translate(
          "main",
          "With --headless: open this many demo://clock tabs (1 to %1, one sandboxed renderer "
          "each), let them animate for 10 s, kill a tenth of the renderers at random, reload "
          "them, and print memory, CPU, event-loop lag, messages/s and whether anything else "
          "changed.")
          .arg(kMaxScaleTabs),
      QStringLiteral("tabs")));
  parser.addOption(QCommandLineOption(
      kSeed,
      QCoreApplication::translate("main",
                                  "The seed --scale picks the renderers to kill with (printed by "
                                  "every run, to repeat one)."),
      QStringLiteral("seed")));
}

ScaleRequest scaleRequest(const QCommandLineParser& parser, bool headless) {
  if (!parser.isSet(kScale)) {
    if (parser.isSet(kSeed)) return QObject::tr("--scale-seed needs --scale");
    return std::monostate{};
  }
  if (!headless) return QObject::tr("--scale needs --headless");
  for (const QString& flag : kConflicting) {
    if (parser.isSet(flag)) {
      return QObject::tr(
                 "--scale opens its own sandboxed per-tab renderers and drives them itself; "
                 "leave out --%1")
          .arg(flag);
    }
  }
  if (!parser.positionalArguments().isEmpty()) {
    return QObject::tr("--scale opens its own tabs; leave out the URLs (%1)")
        .arg(parser.positionalArguments().join(QLatin1Char(' ')));
  }
  ScaleOptions options;
  auto tabs = parseCountFlag(parser.value(kScale), kMaxScaleTabs, QObject::tr("tab count"));
  if (auto* error = std::get_if<QString>(&tabs)) return QStringLiteral("--scale: ") + *error;
  options.tabs = std::get<int>(tabs);
  auto seed = seedFromFlag(parser, kSeed);
  if (auto* error = std::get_if<QString>(&seed)) return *error;
  options.seed = std::get<uint64_t>(seed);
  return options;
}

}  // namespace sb::browser
