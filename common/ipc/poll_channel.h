#pragma once

#include "common/ipc/channel.h"
#include "common/ipc/poll_loop.h"

namespace sb::ipc {

// Drives a Channel from a PollLoop: readable/writable events in, write interest out.
class PollChannel {
 public:
  PollChannel(PollLoop& loop, Channel& channel);
  ~PollChannel();
  PollChannel(const PollChannel&) = delete;
  PollChannel& operator=(const PollChannel&) = delete;

 private:
  PollLoop& loop_;
  Channel& channel_;
  int fd_;
};

}  // namespace sb::ipc
