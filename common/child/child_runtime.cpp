#include "common/child/child_runtime.h"

#include <fcntl.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <string_view>

#include "common/log/forwarding_sink.h"
#include "common/process/spawn_protocol.h"

namespace sb::child {

std::optional<int> findIpcFd(std::span<char* const> args) {
  constexpr std::string_view kFlag = process::kIpcFdFlag;
  for (const char* arg : args) {
    std::string_view text(arg);
    if (text.substr(0, kFlag.size()) != kFlag) continue;
    text.remove_prefix(kFlag.size());
    int fd = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), fd);
    if (ec != std::errc() || end != text.data() + text.size() || fd < 0) return std::nullopt;
    int type = 0;
    socklen_t len = sizeof(type);
    if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_STREAM) return std::nullopt;
    return fd;
  }
  return std::nullopt;
}


namespace {
UniqueFd makeNonBlockingCloexec(UniqueFd fd) {
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) | O_NONBLOCK);
  ::fcntl(fd.get(), F_SETFD, FD_CLOEXEC);
  return fd;
}
}  // namespace

ChildRuntime::ChildRuntime(wire::ProcessKind kind, UniqueFd channel_fd)
    : kind_(kind), channel_(makeNonBlockingCloexec(std::move(channel_fd))) {
  channel_.setClient(this);
  driver_ = std::make_unique<ipc::PollChannel>(loop_, channel_);
}

ChildRuntime::~ChildRuntime() {
  // Log records after this point have nowhere to go.
  auto& sinks = spdlog::default_logger()->sinks();
  std::erase_if(sinks, [](const auto& sink) { return dynamic_cast<log::ForwardingSink*>(sink.get()); });
}

void ChildRuntime::sendHello(const wire::SandboxStatus& sandbox) {
  wire::Envelope envelope;
  auto* hello = envelope.mutable_hello();
  hello->set_kind(kind_);
  hello->set_pid(::getpid());
  hello->set_protocol_version(wire::PROTOCOL_VERSION_CURRENT);
  *hello->mutable_sandbox() = sandbox;
  send(envelope);
}

void ChildRuntime::forwardLogs() {
  auto sink = std::make_shared<log::ForwardingSink>([this](const wire::LogRecord& record) {
    if (!channel_.isOpen()) return;
    wire::Envelope envelope;
    *envelope.mutable_log_record() = record;
    channel_.send(envelope);  // not send(): a failing send logs, which would come back here
  });
  spdlog::default_logger()->sinks().push_back(std::move(sink));
}

void ChildRuntime::send(wire::Envelope& envelope, std::span<const int> fds) {
  if (auto error = channel_.send(envelope, fds)) {
    spdlog::warn("send failed: {}", error->describe());
    if (!channel_.isOpen()) loop_.quit(0);
  }
}

int ChildRuntime::run() { return loop_.run(); }

std::optional<wire::Envelope> ChildRuntime::callAndWait(wire::Envelope& request) {
  if (auto error = channel_.send(request)) {
    spdlog::warn("call failed: {}", error->describe());
    if (!channel_.isOpen()) loop_.quit(0);
    return std::nullopt;
  }
  const uint64_t seq = request.seq();
  std::optional<wire::Envelope> reply;
  while (!reply && channel_.isOpen()) {
    pollfd fd{channel_.fd(),
              static_cast<short>(POLLIN | (channel_.hasPendingWrites() ? POLLOUT : 0)), 0};
    if (::poll(&fd, 1, -1) < 0) {
      if (errno == EINTR) continue;
      spdlog::error("poll while waiting for a reply: {}", std::strerror(errno));
      loop_.quit(1);
      return std::nullopt;
    }
    if (fd.revents & POLLOUT) channel_.handleWritable();
    if (!(fd.revents & (POLLIN | POLLHUP | POLLERR))) continue;
    ipc::Channel::ReadResult read = channel_.readAvailable();
    for (ipc::Message& message : read.messages) {
      if (!reply && message.envelope.reply_to() == seq) {
        reply = std::move(message.envelope);
      } else {
        held_.push_back(std::move(message));
      }
    }
    if (read.error) {
      onChannelError(*read.error);
      if (!reply) return std::nullopt;
    }
  }
  // The loop hands the held messages over as soon as this call's caller returns to it.
  if (!held_.empty() && !held_dispatch_scheduled_) {
    held_dispatch_scheduled_ = true;
    loop_.startTimer(std::chrono::milliseconds(0), /*repeat=*/false,
                     [this] { dispatchHeldMessages(); });
  }
  return reply;
}

void ChildRuntime::dispatchHeldMessages() {
  held_dispatch_scheduled_ = false;
  // A handler may block in callAndWait again and hold more; those join the back of the queue.
  while (!held_.empty() && !loop_.quitRequested()) {
    ipc::Message message = std::move(held_.front());
    held_.pop_front();
    dispatch(std::move(message));
  }
}

void ChildRuntime::onMessage(ipc::Message&& message) {
  // Order is kept: while older held messages wait for their turn, newer ones queue behind them.
  if (!held_.empty()) {
    held_.push_back(std::move(message));
    return;
  }
  dispatch(std::move(message));
}

void ChildRuntime::dispatch(ipc::Message&& message) {
  auto& envelope = message.envelope;
  switch (envelope.body_case()) {
    case wire::Envelope::kPing: {
      wire::Envelope reply;
      reply.set_reply_to(envelope.seq());
      reply.mutable_pong()->set_payload(envelope.ping().payload());
      send(reply);
      return;
    }
    case wire::Envelope::kShutdown:
      spdlog::debug("shutdown requested: {}", envelope.shutdown().reason());
      channel_.flushBlocking(500);
      loop_.quit(0);
      return;
    default:
      if (handler_) {
        handler_(std::move(message));
        return;
      }
      spdlog::error("unexpected message kind {} from the browser", static_cast<int>(envelope.body_case()));
      loop_.quit(1);
  }
}

void ChildRuntime::onChannelError(const ipc::ChannelError& error) {
  if (error.kind == ipc::ErrorKind::kPeerClosed) {
    loop_.quit(0);  // the browser is gone or let us go
    return;
  }
  spdlog::error("channel to the browser failed: {}", error.describe());
  loop_.quit(1);
}

}  // namespace sb::child
