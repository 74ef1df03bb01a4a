// Our own Channel: a Unix stream socketpair carrying length-prefixed frames, each one Protobuf
// Envelope (a Ping whose payload is the message). On top of the socket's two copies it serialises
// into a frame, parses into a new string and copies out, and runs non-blocking I/O with poll, as
// the browser and its children do.
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "apps/tools/ipcbench/kinds.h"
#include "apps/tools/ipcbench/message_pump.h"
#include "common/ipc/channel.h"

namespace sb::ipcbench {
namespace {

constexpr int kFlushTimeoutMs = 10000;

class ChannelEndpoint : public Endpoint {
 public:
  explicit ChannelEndpoint(UniqueFd socket) : socket_(std::move(socket)) {}

  bool send(const uint8_t* data, size_t size) override {
    wire::Envelope envelope;
    envelope.mutable_ping()->set_payload(data, size);
    // Flushing before returning keeps the sender's memory bounded; the peer is reading meanwhile.
    if (channel().send(envelope) || !channel().flushBlocking(kFlushTimeoutMs)) {
      errno = EPIPE;
      return false;
    }
    return true;
  }

  bool receive(uint8_t* data, size_t size) override {
    channel();
    auto message = pump_->next();
    if (!message || message->envelope.ping().payload().size() != size) {
      errno = message ? EMSGSIZE : EPIPE;
      return false;
    }
    std::memcpy(data, message->envelope.ping().payload().data(), size);
    return true;
  }

 private:
  // Made on first use, after the fork, so the side that does not use this end never owns a Channel.
  ipc::Channel& channel() {
    if (!channel_) {
      channel_ = std::make_unique<ipc::Channel>(std::move(socket_));
      pump_ = std::make_unique<MessagePump>(*channel_);
    }
    return *channel_;
  }

  UniqueFd socket_;
  std::unique_ptr<ipc::Channel> channel_;
  std::unique_ptr<MessagePump> pump_;
};

}  // namespace

EndpointPair openChannel() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) {
    return {.error = std::string("socketpair: ") + std::strerror(errno)};
  }
  EndpointPair pair;
  pair.parent = std::make_unique<ChannelEndpoint>(UniqueFd(fds[0]));
  pair.child = std::make_unique<ChannelEndpoint>(UniqueFd(fds[1]));
  return pair;
}

}  // namespace sb::ipcbench
