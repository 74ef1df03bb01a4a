#pragma once

#include <QJsonObject>
#include <QString>
#include <chrono>
#include <optional>

#include "apps/tools/ctl/control_client.h"

namespace sb::browser {

// The comparison's side of one browser's control socket (docs/control-protocol.md): a request as
// JSON, the reply parsed, and one sentence when there is none or it says no.
class BrowserControl {
 public:
  explicit BrowserControl(ctl::ControlClient& client) : client_(client) {}

  // The reply when it says "ok":true; nullopt with why in error() otherwise (no reply in time,
  // the connection closed, not JSON, or the browser's own error).
  std::optional<QJsonObject> call(const QJsonObject& request, std::chrono::milliseconds timeout);
  const QString& error() const { return error_; }

 private:
  ctl::ControlClient& client_;
  QString error_;
};

}  // namespace sb::browser
