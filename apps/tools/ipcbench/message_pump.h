#pragma once

#include <deque>
#include <optional>

#include "common/ipc/channel.h"

namespace sb::ipcbench {

// Blocking, in-order reads from a Channel for straight-line benchmark code. Unlike a bare
// readAvailable() loop it keeps every message of a read that returned several (two releases
// arriving together must both count), and it writes queued bytes while it waits, so a peer that
// waits for our bytes before it sends its own cannot deadlock with us.
class MessagePump {
 public:
  explicit MessagePump(ipc::Channel& channel) : channel_(channel) {}

  // The next message, waiting as long as it takes; nullopt once the channel failed or closed.
  std::optional<ipc::Message> next();

 private:
  ipc::Channel& channel_;
  std::deque<ipc::Message> queue_;
};

}  // namespace sb::ipcbench
