#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <chrono>
#include <variant>

#include "apps/browser/core/tab.h"

namespace sb::browser {

class Browser;
class RequestFields;

// Turns one request line into a call on the Browser and a reply line. Shared by every connection;
// knows nothing about sockets. `wait` cannot be answered at once, so it comes back as a WaitFor for
// the connection to carry out without blocking the event loop.
class ControlCommands {
  Q_DECLARE_TR_FUNCTIONS(ControlCommands)

 public:
  struct Reply {
    QByteArray line;    // newline-terminated JSON
    bool quit = false;  // send the line, then ask the browser to quit
  };
  struct WaitFor {
    int tab = 0;
    TabState state = TabState::kLoaded;
    std::chrono::milliseconds timeout{5000};
  };
  using Outcome = std::variant<Reply, WaitFor>;

  static constexpr qsizetype kMaxLineBytes = 1 << 20;

  explicit ControlCommands(Browser& browser) : browser_(browser) {}

  Outcome execute(const QByteArray& line);
  Browser& browser() { return browser_; }

 private:
  Outcome dispatch(const QString& command, RequestFields& fields);
  Outcome openTab(RequestFields& fields);
  Outcome tabAction(const QString& command, RequestFields& fields);
  Outcome listTabs();
  Outcome kill(RequestFields& fields);
  Outcome crash(RequestFields& fields);
  Outcome wait(RequestFields& fields);
  Outcome ipcLog(RequestFields& fields);
  Outcome quit();

  Browser& browser_;
  bool quitting_ = false;  // after quit, the browser is going away: take no new work
};

}  // namespace sb::browser
