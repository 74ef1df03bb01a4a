#pragma once

#include <QByteArray>
#include <QLocalSocket>
#include <QObject>

#include "apps/browser/control/line_buffer.h"
#include "common/base/unique_fd.h"

namespace sb::browser {

class ControlCommands;
class TabWaiter;

// One client of the control socket. Reads request lines and answers each with one line, strictly
// in order. A `wait` parks the connection (later requests stay unread until it is answered) while
// the event loop, and every other connection, keep running.
//
// Memory stays bounded however the client behaves: a line is at most 1 MiB, and while the client
// is not reading its replies, its requests are not read either.
class ControlConnection : public QObject {
  Q_OBJECT

 public:
  ControlConnection(ControlCommands& commands, UniqueFd socket_fd, QObject* parent = nullptr);
  ~ControlConnection() override;

 signals:
  // The client asked the browser to quit; emitted once the reply has been handed to the kernel.
  void quitRequested();
  void closed();

 private:
  void pump();
  void handle(const LineBuffer::Item& item);
  void onWaitFinished(const QByteArray& reply_line);
  void send(const QByteArray& line);
  void onBytesWritten();

  ControlCommands& commands_;
  QLocalSocket* socket_;
  LineBuffer lines_;
  TabWaiter* waiter_ = nullptr;  // owned (child); non-null while a `wait` is outstanding
  bool quit_after_flush_ = false;
  bool pumping_ = false;
};

}  // namespace sb::browser
