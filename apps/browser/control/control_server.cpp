#include "apps/browser/control/control_server.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QSocketNotifier>

#include "apps/browser/control/control_commands.h"
#include "apps/browser/control/control_connection.h"
#include "apps/browser/control/control_json.h"
#include "apps/browser/control/peer_credentials.h"
#include "apps/browser/control/unix_listener.h"

namespace sb::browser {
namespace {

// Each connection holds at most a 1 MiB line and a bounded reply backlog; capping their number
// bounds the whole server.
constexpr int kMaxConnections = 32;

// Best effort, without blocking: the peer is about to be disconnected anyway.
void refuse(const UniqueFd& fd, const QString& why) {
  const QByteArray line = errorReply(why);
  [[maybe_unused]] ssize_t sent = ::send(
      fd.get(), line.constData(), static_cast<size_t>(line.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
}

}  // namespace

class ControlServer::Impl {
 public:
  Impl(ControlServer& owner, Browser& browser) : owner_(owner), commands_(browser) {}

  bool listen(const QString& path, QString* error) {
    std::string message;
    listener_ = UnixListener::create(path.toStdString(), &message);
    if (!listener_) {
      if (error) *error = QString::fromStdString(message);
      return false;
    }
    notifier_ = std::make_unique<QSocketNotifier>(listener_->fd(), QSocketNotifier::Read);
    QObject::connect(notifier_.get(), &QSocketNotifier::activated, &owner_,
                     [this] { acceptAll(); });
    spdlog::info("control socket listening on {}", path.toStdString());
    return true;
  }

  QString path() const { return listener_ ? QString::fromStdString(listener_->path()) : QString(); }

 private:
  void acceptAll() {
    while (UniqueFd fd = listener_->accept()) admit(std::move(fd));
  }

  // SO_PEERCRED is the kernel's word on who connected; the 0600 file mode should already keep
  // others out, this holds even if the mode is loosened or the file is reached some other way.
  void admit(UniqueFd fd) {
    const auto peer = peerCredentials(fd.get());
    if (!peer || peer->uid != ::getuid()) {
      const long uid = peer ? static_cast<long>(peer->uid) : -1;
      spdlog::warn("control: refused a connection from uid {} (pid {})", uid, peer ? peer->pid : 0);
      refuse(fd,
             ControlServer::tr("refused: the control socket only serves uid %1").arg(::getuid()));
      return;
    }
    if (connection_count_ >= kMaxConnections) {
      refuse(fd, ControlServer::tr("refused: too many control connections (at most %1)")
                     .arg(kMaxConnections));
      return;
    }
    auto* connection = new ControlConnection(commands_, std::move(fd), &connections_);
    ++connection_count_;
    QObject::connect(connection, &ControlConnection::quitRequested, &owner_,
                     &ControlServer::quitRequested);
    QObject::connect(
        connection, &ControlConnection::closed, connection,
        [this, connection] {
          --connection_count_;
          connection->deleteLater();
        },
        Qt::SingleShotConnection);
  }

  ControlServer& owner_;
  ControlCommands commands_;
  std::unique_ptr<UnixListener> listener_;
  std::unique_ptr<QSocketNotifier> notifier_;
  int connection_count_ = 0;
  QObject connections_;  // parent of every connection; declared last, so they go first
};

ControlServer::ControlServer(Browser& browser, QObject* parent)
    : QObject(parent), impl_(std::make_unique<Impl>(*this, browser)) {}

ControlServer::~ControlServer() = default;

bool ControlServer::listen(const QString& path, QString* error) {
  if (!this->path().isEmpty()) {
    if (error) *error = tr("already listening on %1").arg(this->path());
    return false;
  }
  return impl_->listen(path, error);
}

QString ControlServer::path() const { return impl_->path(); }

}  // namespace sb::browser
