#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/base/unique_fd.h"
#include "common/ipc/channel_error.h"
#include "common/ipc/frame_decoder.h"
#include "sandbrowser.pb.h"

namespace sb::ipc {

struct ChannelLimits {
  size_t max_frame_bytes = kDefaultMaxFrameBytes;
  // Bound on bytes waiting to be written. A sender past it gets kQueueFull instead of growing
  // memory without limit while a peer is slow or stuck.
  size_t max_queued_bytes = 64u << 20;
  size_t max_fds_per_frame = 8;
};

// One received message and the descriptors that travelled with it.
struct Message {
  wire::Envelope envelope;
  std::vector<UniqueFd> fds;
  size_t wire_bytes = 0;  // header + payload
  uint64_t received_ns = 0;
};

struct ChannelStats {
  uint64_t messages_in = 0;
  uint64_t messages_out = 0;
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
};

// A framed, non-blocking message channel over one connected AF_UNIX stream socket.
//
// Loop-agnostic: an event loop tells it when the socket is readable or writable (see PollChannel
// and QtChannel) and learns through the write-interest hook when it should watch for writability.
class Channel {
 public:
  class Client {
   public:
    virtual ~Client() = default;
    virtual void onMessage(Message&& message) = 0;
    // Called once, after every message that arrived before the failure was delivered. The channel
    // is closed by then unless the error is not fatal.
    virtual void onChannelError(const ChannelError& error) = 0;
  };

  explicit Channel(UniqueFd socket, ChannelLimits limits = {});
  ~Channel();
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  int fd() const { return socket_.get(); }
  bool isOpen() const { return socket_.valid(); }
  const ChannelLimits& limits() const { return limits_; }
  const ChannelStats& stats() const { return stats_; }

  void setClient(Client* client) { client_ = client; }
  // Called with true when writes are queued (watch for POLLOUT) and false when the queue drains.
  void setWriteInterestHook(std::function<void(bool)> hook) { write_interest_hook_ = std::move(hook); }

  // Assigns seq and sent_ns (and fd_count), queues the frame and writes what the socket takes now.
  // Never blocks. Descriptors are duplicated, so the caller keeps ownership of its own.
  // kQueueFull, kFrameTooLarge and kTooManyFds refuse only this message and leave the channel
  // open; any other error closes it.
  std::optional<ChannelError> send(wire::Envelope& envelope, std::span<const int> fds = {});

  // Pull-style reading: everything available now. Messages that arrived before an error are
  // returned with it, so nothing is lost.
  struct ReadResult {
    std::vector<Message> messages;
    std::optional<ChannelError> error;
  };
  ReadResult readAvailable();

  // Push-style glue for event loops: read and dispatch to the client / write queued bytes.
  void handleReadable();
  void handleWritable();

  bool hasPendingWrites() const { return !out_queue_.empty(); }
  size_t queuedBytes() const { return queued_bytes_; }
  // Blocks (poll) until the queue drains or the timeout passes; for shutdown paths and tools.
  bool flushBlocking(int timeout_ms);
  void close();

 private:
  struct OutFrame {
    std::string bytes;
    std::vector<UniqueFd> fds;
    size_t offset = 0;
  };

  std::optional<ChannelError> writeQueued();
  std::optional<ChannelError> receiveInto(std::vector<Message>& out);
  std::optional<ChannelError> takeFrames(std::vector<Message>& out);
  void failAndClose(const ChannelError& error);
  void notifyWriteInterest();

  UniqueFd socket_;
  ChannelLimits limits_;
  FrameDecoder decoder_;
  std::deque<UniqueFd> received_fds_;
  std::vector<char> control_buffer_;  // recvmsg ancillary data, sized once
  std::deque<OutFrame> out_queue_;
  size_t queued_bytes_ = 0;
  uint64_t next_seq_ = 1;
  ChannelStats stats_;
  Client* client_ = nullptr;
  std::function<void(bool)> write_interest_hook_;
  bool write_interest_ = false;
  bool error_reported_ = false;
  // Lets handleReadable notice that a client callback destroyed this channel.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace sb::ipc
