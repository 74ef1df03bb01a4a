#include "apps/tools/ipcbench/message_pump.h"

#include <poll.h>

#include <utility>

namespace sb::ipcbench {

std::optional<ipc::Message> MessagePump::next() {
  while (queue_.empty()) {
    if (!channel_.isOpen()) return std::nullopt;
    auto result = channel_.readAvailable();
    for (auto& message : result.messages) queue_.push_back(std::move(message));
    if (!queue_.empty()) break;
    if (result.error) return std::nullopt;
    pollfd pfd{channel_.fd(), static_cast<short>(POLLIN | (channel_.hasPendingWrites() ? POLLOUT : 0)), 0};
    ::poll(&pfd, 1, -1);
    if (pfd.revents & POLLOUT) channel_.handleWritable();
  }
  ipc::Message message = std::move(queue_.front());
  queue_.pop_front();
  return message;
}

}  // namespace sb::ipcbench
