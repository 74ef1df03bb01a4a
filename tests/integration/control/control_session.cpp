#include "tests/integration/control/control_session.h"

#include <gtest/gtest.h>

#include <QJsonDocument>

#include "common/process/command_line.h"

namespace sb::testing {

QJsonObject parseReply(const std::string& line) {
  const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(line));
  if (!document.isObject()) {
    ADD_FAILURE() << "reply is not a JSON object: " << line;
    return {{"ok", false}, {"error", "client: reply is not a JSON object"}};
  }
  return document.object();
}

std::string toLine(const QJsonObject& request) {
  return QJsonDocument(request).toJson(QJsonDocument::Compact).toStdString();
}

ControlSession::ControlSession(std::vector<std::string> extra_arguments) {
  auto executable = process::resolveExecutable("sandbrowser");
  if (!executable) {
    error_ = "cannot find the sandbrowser binary next to the test";
    return;
  }
  ctl::LaunchedBrowser::Options options;
  options.executable = *executable;
  options.extra_arguments = std::move(extra_arguments);
  options.environment = {"SANDBROWSER_LOG=warn"};  // keep ctest output to what matters
  browser_ = ctl::LaunchedBrowser::start(options, &error_);
  if (browser_) client_ = connect();
}

std::unique_ptr<ctl::ControlClient> ControlSession::connect() {
  auto client = ctl::ControlClient::connect(browser_->socketPath(), &error_);
  if (!client) ADD_FAILURE() << error_;
  return client;
}

QJsonObject ControlSession::call(const QJsonObject& request, std::chrono::milliseconds timeout) {
  return callRaw(toLine(request), timeout);
}

QJsonObject ControlSession::callRaw(const std::string& line, std::chrono::milliseconds timeout) {
  std::string error;
  auto reply = client_->request(line, timeout, &error);
  if (!reply) {
    ADD_FAILURE() << "no reply to " << line.substr(0, 200) << ": " << error;
    return {{"ok", false}, {"error", QString::fromStdString("client: " + error)}};
  }
  return parseReply(*reply);
}

int ControlSession::openTab(const QString& url) {
  const QJsonObject reply = call({{"cmd", "open_tab"}, {"url", url}});
  EXPECT_TRUE(reply["ok"].toBool()) << toLine(reply);
  return reply["tab"].toInt();
}

QJsonObject ControlSession::waitFor(int tab, const QString& state, int timeout_ms) {
  const QJsonObject reply =
      call({{"cmd", "wait"}, {"tab", tab}, {"state", state}, {"timeout_ms", timeout_ms}},
           std::chrono::milliseconds(timeout_ms + 5000));
  EXPECT_TRUE(reply["ok"].toBool())
      << "tab " << tab << " never reached " << state.toStdString() << ": " << toLine(reply);
  return reply["tab"].toObject();
}

QJsonObject ControlSession::tab(int tab) {
  const QJsonObject reply = call({{"cmd", "list_tabs"}});
  EXPECT_TRUE(reply["ok"].toBool()) << toLine(reply);
  for (const auto& entry : reply["tabs"].toArray()) {
    if (entry.toObject()["tab"].toInt() == tab) return entry.toObject();
  }
  return {};
}

QJsonArray ControlSession::processes() {
  const QJsonObject reply = call({{"cmd", "list_processes"}});
  EXPECT_TRUE(reply["ok"].toBool()) << toLine(reply);
  return reply["processes"].toArray();
}

std::vector<pid_t> ControlSession::rendererPids() {
  std::vector<pid_t> pids;
  for (const auto& entry : processes()) {
    const QJsonObject process = entry.toObject();
    if (process["kind"].toString() == QLatin1String("renderer") && process["pid"].toInteger() > 0) {
      pids.push_back(static_cast<pid_t>(process["pid"].toInteger()));
    }
  }
  return pids;
}

}  // namespace sb::testing
