#include "apps/browser/core/count_flag.h"

#include <QObject>

namespace sb::browser {

std::variant<int, QString> parseCountFlag(const QString& text, int max, const QString& noun) {
  bool ok = false;
  const int count = text.trimmed().toInt(&ok);
  if (!ok || count < 1 || count > max) {
    return QObject::tr("\"%1\" is not a %2; give a whole number from 1 to %3").arg(text, noun).arg(max);
  }
  return count;
}

}  // namespace sb::browser
