#include "apps/browser/headless/browser_control.h"

#include <QJsonDocument>
#include <QObject>
#include <string>

namespace sb::browser {

std::optional<QJsonObject> BrowserControl::call(const QJsonObject& request,
                                                std::chrono::milliseconds timeout) {
  const QByteArray line = QJsonDocument(request).toJson(QJsonDocument::Compact);
  std::string error;
  const auto reply = client_.request(line.toStdString(), timeout, &error);
  if (!reply) {
    error_ = QString::fromStdString(error);
    return std::nullopt;
  }
  const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(*reply));
  if (!document.isObject()) {
    error_ = QObject::tr("the reply is not a JSON object: %1").arg(QString::fromStdString(*reply));
    return std::nullopt;
  }
  const QJsonObject object = document.object();
  if (!object.value(QStringLiteral("ok")).toBool()) {
    error_ = object.value(QStringLiteral("error")).toString();
    return std::nullopt;
  }
  return object;
}

}  // namespace sb::browser
