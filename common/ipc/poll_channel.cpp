#include "common/ipc/poll_channel.h"

namespace sb::ipc {

PollChannel::PollChannel(PollLoop& loop, Channel& channel)
    : loop_(loop), channel_(channel), fd_(channel.fd()) {
  loop_.watchFd(fd_, POLLIN, [this](short revents) {
    if (revents & (POLLIN | POLLHUP | POLLERR)) channel_.handleReadable();
    if (channel_.isOpen() && (revents & POLLOUT)) channel_.handleWritable();
    if (!channel_.isOpen()) loop_.unwatchFd(fd_);
  });
  channel_.setWriteInterestHook([this](bool want) {
    if (channel_.isOpen()) {
      loop_.setEvents(fd_, want ? POLLIN | POLLOUT : POLLIN);
    } else {
      loop_.unwatchFd(fd_);
    }
  });
}

PollChannel::~PollChannel() {
  channel_.setWriteInterestHook(nullptr);
  loop_.unwatchFd(fd_);
}

}  // namespace sb::ipc
