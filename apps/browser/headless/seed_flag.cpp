#include "apps/browser/headless/seed_flag.h"

#include <QObject>
#include <chrono>

namespace sb::browser {

std::variant<uint64_t, QString> seedFromFlag(const QCommandLineParser& parser, const QString& flag) {
  if (!parser.isSet(flag)) {
    return static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  }
  bool ok = false;
  const uint64_t seed = parser.value(flag).trimmed().toULongLong(&ok);
  if (ok) return seed;
  return QObject::tr("--%1: \"%2\" is not a seed; give a whole number from 0 to %3")
      .arg(flag, parser.value(flag))
      .arg(UINT64_MAX);
}

}  // namespace sb::browser
