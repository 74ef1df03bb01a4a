#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace sb::browser {

// Typed access to the fields of one control request. The first problem is remembered, worded for
// the person who typed the request ("\"tab\" must be an integer"); later reads return a dummy value
// so a handler can read every field and check ok() once.
class RequestFields {
  Q_DECLARE_TR_FUNCTIONS(RequestFields)

 public:
  explicit RequestFields(const QJsonObject& request) : request_(request) {}

  // An integer in [min, max]; `fallback` when the field is absent (absent without one is an error).
  qint64 integer(const char* name, qint64 min, qint64 max,
                 std::optional<qint64> fallback = std::nullopt);
  QString string(const char* name, std::optional<QString> fallback = std::nullopt);
  QJsonValue value(const char* name) const { return request_.value(QLatin1String(name)); }
  bool has(const char* name) const { return request_.contains(QLatin1String(name)); }

  void setError(QString error);
  bool ok() const { return error_.isEmpty(); }
  const QString& error() const { return error_; }

 private:
  const QJsonObject& request_;
  QString error_;
};

// The integer a JSON number holds exactly, or nullopt for 2.5, 1e300, strings, ...
std::optional<qint64> exactInteger(const QJsonValue& value);

}  // namespace sb::browser
