#pragma once

#include <sys/types.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "apps/tools/ctl/control_client.h"
#include "apps/tools/ctl/launched_browser.h"

namespace sb::testing {

// A real `sandbrowser --headless --control-socket` child and one connection to it, speaking JSON
// lines: what every control test starts from.
class ControlSession {
 public:
  // Starts the browser, with `extra_arguments` after the ones every session has; check ok() (and
  // error()) before use.
  explicit ControlSession(std::vector<std::string> extra_arguments = {});
  bool ok() const { return browser_ && client_; }
  const std::string& error() const { return error_; }

  ctl::LaunchedBrowser& browser() { return *browser_; }
  const std::string& socketPath() const { return browser_->socketPath(); }
  // Another connection to the same browser.
  std::unique_ptr<ctl::ControlClient> connect();

  // One request and its reply; a reply that is missing or not a JSON object fails the test and
  // comes back as {"ok":false,"error":"<client-side problem>"}.
  QJsonObject call(const QJsonObject& request,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10));
  QJsonObject callRaw(const std::string& line,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // Conveniences that fail the test when the browser says no.
  int openTab(const QString& url);
  QJsonObject waitFor(int tab, const QString& state, int timeout_ms = 5000);
  QJsonObject tab(int tab);  // its list_tabs entry, {} if absent
  QJsonArray processes();
  std::vector<pid_t> rendererPids();

 private:
  std::unique_ptr<ctl::LaunchedBrowser> browser_;
  std::unique_ptr<ctl::ControlClient> client_;
  std::string error_;
};

QJsonObject parseReply(const std::string& line);
std::string toLine(const QJsonObject& request);

}  // namespace sb::testing

// GoogleTest prints values through PrintTo found by argument-dependent lookup: Qt's types live in
// the global namespace, so these do too. Without them a failing EXPECT shows raw bytes.
inline void PrintTo(const QString& text, std::ostream* os) {
  *os << '"' << text.toStdString() << '"';
}
inline void PrintTo(const QJsonValue& value, std::ostream* os) {
  *os << QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).toStdString();
}
inline void PrintTo(const QJsonArray& array, std::ostream* os) {
  *os << QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}
