#include "apps/browser/control/control_connection.h"

#include <spdlog/spdlog.h>

#include "apps/browser/control/control_commands.h"
#include "apps/browser/control/control_json.h"
#include "apps/browser/control/tab_waiter.h"

namespace sb::browser {
namespace {

constexpr qint64 kReadChunk = 64 * 1024;
// Replies not yet taken by a slow client; past this, stop reading its requests.
constexpr qint64 kMaxUnsentBytes = 8 * 1024 * 1024;

}  // namespace

ControlConnection::ControlConnection(ControlCommands& commands, UniqueFd socket_fd, QObject* parent)
    : QObject(parent),
      commands_(commands),
      socket_(new QLocalSocket(this)),
      lines_(ControlCommands::kMaxLineBytes) {
  // Bounded, so a client flooding requests meets the kernel's flow control instead of our memory.
  socket_->setReadBufferSize(256 * 1024);
  if (!socket_->setSocketDescriptor(socket_fd.get())) {
    spdlog::warn("control: cannot adopt a connection: {}", socket_->errorString().toStdString());
    QMetaObject::invokeMethod(this, &ControlConnection::closed, Qt::QueuedConnection);
    return;
  }
  socket_fd.release();  // the socket owns it now
  connect(socket_, &QLocalSocket::readyRead, this, &ControlConnection::pump);
  connect(socket_, &QLocalSocket::bytesWritten, this, &ControlConnection::onBytesWritten);
  connect(socket_, &QLocalSocket::disconnected, this, &ControlConnection::closed);
  QMetaObject::invokeMethod(this, &ControlConnection::pump, Qt::QueuedConnection);
}

// The socket is our child and may signal while being torn down; nobody should hear it by then.
ControlConnection::~ControlConnection() { socket_->disconnect(this); }

void ControlConnection::pump() {
  if (pumping_) return;  // a reply written inside the loop can signal bytesWritten re-entrantly
  pumping_ = true;
  while (!waiter_ && socket_->state() == QLocalSocket::ConnectedState &&
         socket_->bytesToWrite() <= kMaxUnsentBytes) {
    if (auto item = lines_.next()) {
      handle(*item);
      continue;
    }
    const QByteArray chunk = socket_->read(kReadChunk);
    if (chunk.isEmpty()) break;
    lines_.append(chunk);
  }
  pumping_ = false;
}

void ControlConnection::handle(const LineBuffer::Item& item) {
  if (item.too_long) {
    send(errorReply(tr("request line longer than %1 bytes").arg(ControlCommands::kMaxLineBytes)));
    return;
  }
  if (item.line.trimmed().isEmpty()) return;  // blank lines are not requests
  auto outcome = commands_.execute(item.line);
  if (auto* wait = std::get_if<ControlCommands::WaitFor>(&outcome)) {
    waiter_ = new TabWaiter(commands_.browser(), wait->tab, wait->state, wait->timeout, this);
    // Queued: the Browser may be in the middle of emitting a signal; answer on a clean stack.
    connect(waiter_, &TabWaiter::finished, this, &ControlConnection::onWaitFinished,
            Qt::QueuedConnection);
    return;
  }
  auto& reply = std::get<ControlCommands::Reply>(outcome);
  send(reply.line);
  if (reply.quit) {
    quit_after_flush_ = true;
    onBytesWritten();
  }
}

void ControlConnection::onWaitFinished(const QByteArray& reply_line) {
  if (waiter_) waiter_->deleteLater();
  waiter_ = nullptr;
  send(reply_line);
  pump();
}

void ControlConnection::send(const QByteArray& line) {
  socket_->write(line);
  socket_->flush();
}

void ControlConnection::onBytesWritten() {
  if (quit_after_flush_ && socket_->bytesToWrite() == 0) {
    quit_after_flush_ = false;
    emit quitRequested();
  }
  pump();
}

}  // namespace sb::browser
