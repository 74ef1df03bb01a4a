#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace sb::browser {

class Browser;

// The remote-control socket (the idea of Chrome's remote-debugging protocol, kept small): JSON
// lines on a Unix socket, one request and one reply per line. See docs/control-protocol.md.
// The socket is created mode 0600 and a peer with another uid (SO_PEERCRED) is refused.
class ControlServer : public QObject {
  Q_OBJECT

 public:
  explicit ControlServer(Browser& browser, QObject* parent = nullptr);
  ~ControlServer() override;

  // Listens on `path` (an existing socket file there is replaced). False with a message on failure.
  bool listen(const QString& path, QString* error);
  QString path() const;

 signals:
  // {"cmd":"quit"} was received and answered.
  void quitRequested();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sb::browser
