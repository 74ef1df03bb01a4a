#include "apps/browser/control/request_fields.h"

#include <cmath>

namespace sb::browser {

std::optional<qint64> exactInteger(const QJsonValue& value) {
  if (!value.isDouble()) return std::nullopt;
  const double number = value.toDouble();
  // 2^63 itself is not representable as qint64; doubles this large are not exact anyway.
  if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) >= 9.2e18) {
    return std::nullopt;
  }
  return value.toInteger(static_cast<qint64>(number));
}

qint64 RequestFields::integer(const char* name, qint64 min, qint64 max,
                              std::optional<qint64> fallback) {
  if (!ok()) return min;
  const QJsonValue value = request_.value(QLatin1String(name));
  if (value.isUndefined()) {
    if (fallback) return *fallback;
    setError(tr("missing \"%1\"").arg(QLatin1String(name)));
    return min;
  }
  const auto number = exactInteger(value);
  if (!number) {
    setError(tr("\"%1\" must be an integer").arg(QLatin1String(name)));
    return min;
  }
  if (*number < min || *number > max) {
    setError(tr("\"%1\" must be between %2 and %3").arg(QLatin1String(name)).arg(min).arg(max));
    return min;
  }
  return *number;
}

QString RequestFields::string(const char* name, std::optional<QString> fallback) {
  if (!ok()) return {};
  const QJsonValue value = request_.value(QLatin1String(name));
  if (value.isUndefined()) {
    if (fallback) return *fallback;
    setError(tr("missing \"%1\"").arg(QLatin1String(name)));
    return {};
  }
  if (!value.isString()) {
    setError(tr("\"%1\" must be a string").arg(QLatin1String(name)));
    return {};
  }
  return value.toString();
}

void RequestFields::setError(QString error) {
  if (ok()) error_ = std::move(error);
}

}  // namespace sb::browser
