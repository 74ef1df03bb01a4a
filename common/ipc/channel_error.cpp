#include "common/ipc/channel_error.h"

namespace sb::ipc {

const char* errorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kPeerClosed: return "peer closed";
    case ErrorKind::kFrameTooLarge: return "frame too large";
    case ErrorKind::kParseFailure: return "parse failure";
    case ErrorKind::kTooManyFds: return "too many fds";
    case ErrorKind::kQueueFull: return "queue full";
    case ErrorKind::kIoError: return "I/O error";
    case ErrorKind::kClosed: return "channel closed";
  }
  return "unknown channel error";
}

std::string ChannelError::describe() const {
  std::string text = errorKindName(kind);
  if (!detail.empty()) text += ": " + detail;
  return text;
}

}  // namespace sb::ipc
