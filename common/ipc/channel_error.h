#pragma once

#include <string>

namespace sb::ipc {

// Every way a channel can fail. The owner decides what each means for the peer; the channel
// itself never throws and never aborts on bad input.
enum class ErrorKind {
  kPeerClosed,     // orderly EOF or reset; detail says whether it happened mid-frame
  kFrameTooLarge,  // a length prefix (incoming) or a message (outgoing) above the maximum
  kParseFailure,   // bytes that are not an Envelope, a zero-length frame, missing fds
  kTooManyFds,     // more descriptors than a frame may carry
  kQueueFull,      // outgoing bytes would exceed the queue bound (backpressure; not fatal)
  kIoError,        // any other errno from the socket
  kClosed,         // send on a channel that is already closed
};

const char* errorKindName(ErrorKind kind);

struct ChannelError {
  ErrorKind kind;
  std::string detail;

  // True when the peer sent something a well-behaved peer never sends.
  bool isBadInput() const {
    return kind == ErrorKind::kFrameTooLarge || kind == ErrorKind::kParseFailure ||
           kind == ErrorKind::kTooManyFds;
  }
  std::string describe() const;
};

}  // namespace sb::ipc
