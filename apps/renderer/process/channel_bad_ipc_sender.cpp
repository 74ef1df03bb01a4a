#include "apps/renderer/process/channel_bad_ipc_sender.h"

#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <cerrno>

#include "common/base/errno_text.h"

namespace sb::renderer {
namespace {

constexpr int kFlushTimeoutMs = 1000;

}  // namespace

void ChannelBadIpcSender::sendEnvelope(wire::Envelope& envelope) {
  if (auto error = channel_.send(envelope)) {
    spdlog::warn("bad IPC: the envelope did not go out: {}", error->describe());
  }
}

void ChannelBadIpcSender::sendRawBytes(std::string_view bytes) {
  // Frames already queued go first, so the raw bytes start where the browser expects a header
  // rather than in the middle of a frame.
  if (!channel_.flushBlocking(kFlushTimeoutMs)) {
    spdlog::warn("bad IPC: could not flush the channel before writing raw bytes");
    return;
  }
  while (!bytes.empty()) {
    const ssize_t written =
        ::send(channel_.fd(), bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (written < 0 && errno == EINTR) continue;
    if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd pfd{channel_.fd(), POLLOUT, 0};
      if (::poll(&pfd, 1, kFlushTimeoutMs) <= 0) return;
      continue;
    }
    if (written < 0) {
      spdlog::warn("bad IPC: raw write failed: {}", errnoText(errno));
      return;
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

}  // namespace sb::renderer
