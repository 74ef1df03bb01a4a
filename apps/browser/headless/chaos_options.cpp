#include "apps/browser/headless/chaos_options.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include "apps/browser/core/count_flag.h"
#include "apps/browser/headless/seed_flag.h"
#include "apps/browser/core/process_model.h"

namespace sb::browser {
namespace {

const QString kChaos = QStringLiteral("chaos");
const QString kSeed = QStringLiteral("seed");
const QString kProcessModel = QStringLiteral("process-model");

// The soak opens, kills, navigates and closes its own tabs: each of these is another run, or
// something else acting on the tabs behind its back.
const QStringList kConflicting = {QStringLiteral("demo"),
                                  QStringLiteral("scale"),
                                  QStringLiteral("compare-models"),
                                  QStringLiteral("compare-tabs"),
                                  QStringLiteral("compare-csv"),
                                  QStringLiteral("control-socket")};

}  // namespace

void addChaosOptions(QCommandLineParser& parser) {
  parser.addOption(QCommandLineOption(
      kChaos,
      QCoreApplication::translate(
          "main",
          "With --headless: for this many seconds (1 to %1), keep 10 tabs busy and do a random "
          "harmful thing every 100 to 300 ms (kill or stop a child, crash a page, flood it, "
          "close and open tabs), checking after each that the browser is still sound; exit 0 "
          "when it always was.")
          .arg(kMaxChaosSeconds),
      QStringLiteral("seconds")));
  parser.addOption(QCommandLineOption(
      kSeed,
      QCoreApplication::translate("main",
                                  "The seed --chaos picks its events with (printed by every run, "
                                  "to repeat one)."),
      QStringLiteral("seed")));
}

ChaosRequest chaosRequest(const QCommandLineParser& parser, bool headless) {
  if (!parser.isSet(kChaos)) {
    if (parser.isSet(kSeed)) return QObject::tr("--seed needs --chaos");
    return std::monostate{};
  }
  if (!headless) return QObject::tr("--chaos needs --headless");
  for (const QString& flag : kConflicting) {
    if (parser.isSet(flag)) {
      return QObject::tr("--chaos opens, breaks and closes its own tabs; leave out --%1").arg(flag);
    }
  }
  // In that model a renderer's crash is the browser's own, by design: nothing would be left to check.
  const auto model = parseProcessModel(parser.value(kProcessModel));
  if (parser.isSet(kProcessModel) && std::holds_alternative<ProcessModel>(model) &&
      std::get<ProcessModel>(model) == ProcessModel::kSingleProcess) {
    return QObject::tr("--chaos crashes renderers, which in the single-process model ends the "
                       "browser by design; use per-tab or per-site");
  }
  if (!parser.positionalArguments().isEmpty()) {
    return QObject::tr("--chaos opens its own tabs; leave out the URLs (%1)")
        .arg(parser.positionalArguments().join(QLatin1Char(' ')));
  }
  ChaosOptions options;
  auto seconds =
      parseCountFlag(parser.value(kChaos), kMaxChaosSeconds, QObject::tr("number of seconds"));
  if (auto* error = std::get_if<QString>(&seconds)) return QStringLiteral("--chaos: ") + *error;
  options.seconds = std::get<int>(seconds);
  auto seed = seedFromFlag(parser, kSeed);
  if (auto* error = std::get_if<QString>(&seed)) return *error;
  options.seed = std::get<uint64_t>(seed);
  return options;
}

}  // namespace sb::browser
