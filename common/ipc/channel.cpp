#include "common/ipc/channel.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/base/clock.h"
#include "common/base/errno_text.h"

namespace sb::ipc {
namespace {
constexpr size_t kReadChunk = 64 * 1024;
// Stop reading after this much so one busy peer cannot starve the rest of an event loop; the
// socket stays readable and the loop calls again.
constexpr size_t kReadBudgetBytes = 8u << 20;
constexpr size_t kMaxIovecs = 64;
}  // namespace

Channel::Channel(UniqueFd socket, ChannelLimits limits)
    : socket_(std::move(socket)), limits_(limits), decoder_(limits.max_frame_bytes) {}

Channel::~Channel() { *alive_ = false; }

std::optional<ChannelError> Channel::send(wire::Envelope& envelope, std::span<const int> fds) {
  if (!isOpen()) return ChannelError{ErrorKind::kClosed, "send on a closed channel"};
  if (fds.size() > limits_.max_fds_per_frame) {
    return ChannelError{ErrorKind::kTooManyFds, std::to_string(fds.size()) + " fds, maximum " +
                                                    std::to_string(limits_.max_fds_per_frame)};
  }
  envelope.set_seq(next_seq_);
  envelope.set_sent_ns(monotonicNowNs());
  envelope.set_fd_count(static_cast<uint32_t>(fds.size()));
  const size_t payload = envelope.ByteSizeLong();
  if (payload > limits_.max_frame_bytes) {
    return ChannelError{ErrorKind::kFrameTooLarge, std::to_string(payload) + " bytes, maximum " +
                                                       std::to_string(limits_.max_frame_bytes)};
  }
  const size_t frame_bytes = kFrameHeaderBytes + payload;
  if (queued_bytes_ + frame_bytes > limits_.max_queued_bytes) {
    return ChannelError{ErrorKind::kQueueFull, std::to_string(queued_bytes_) + " bytes already queued, bound " +
                                                   std::to_string(limits_.max_queued_bytes)};
  }

  OutFrame frame;
  frame.bytes.resize(frame_bytes);
  encodeFrameHeader(static_cast<uint32_t>(payload), frame.bytes.data());
  envelope.SerializeWithCachedSizesToArray(reinterpret_cast<uint8_t*>(frame.bytes.data() + kFrameHeaderBytes));
  for (int fd : fds) {
    UniqueFd copy = duplicateFd(fd);
    if (!copy) return ChannelError{ErrorKind::kIoError, "dup of fd to send: " + errnoText(errno)};
    frame.fds.push_back(std::move(copy));
  }
  ++next_seq_;
  ++stats_.messages_out;
  queued_bytes_ += frame_bytes;
  out_queue_.push_back(std::move(frame));

  if (auto error = writeQueued()) {
    failAndClose(*error);
    return error;
  }
  notifyWriteInterest();
  return std::nullopt;
}

// Writes as much of the queue as the socket accepts. Frames without descriptors are coalesced
// into one sendmsg; a frame's descriptors ride with its first byte.
std::optional<ChannelError> Channel::writeQueued() {
  while (!out_queue_.empty()) {
    iovec iov[kMaxIovecs];
    size_t count = 0;
    for (auto it = out_queue_.begin(); it != out_queue_.end() && count < kMaxIovecs; ++it) {
      if (count > 0 && !it->fds.empty()) break;
      iov[count].iov_base = it->bytes.data() + it->offset;
      iov[count].iov_len = it->bytes.size() - it->offset;
      ++count;
    }
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = count;
    OutFrame& head = out_queue_.front();
    std::vector<char> control;
    if (!head.fds.empty()) {
      control.resize(CMSG_SPACE(sizeof(int) * head.fds.size()));
      msg.msg_control = control.data();
      msg.msg_controllen = control.size();
      cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
      cmsg->cmsg_level = SOL_SOCKET;
      cmsg->cmsg_type = SCM_RIGHTS;
      cmsg->cmsg_len = CMSG_LEN(sizeof(int) * head.fds.size());
      int* out = reinterpret_cast<int*>(CMSG_DATA(cmsg));
      for (size_t i = 0; i < head.fds.size(); ++i) out[i] = head.fds[i].get();
    }
    ssize_t written = ::sendmsg(socket_.get(), &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return std::nullopt;
      if (errno == EPIPE || errno == ECONNRESET) return ChannelError{ErrorKind::kPeerClosed, "while writing"};
      return ChannelError{ErrorKind::kIoError, "sendmsg: " + errnoText(errno)};
    }
    head.fds.clear();  // the kernel holds its own references now
    size_t remaining = static_cast<size_t>(written);
    stats_.bytes_out += remaining;
    while (remaining > 0) {
      OutFrame& frame = out_queue_.front();
      const size_t left = frame.bytes.size() - frame.offset;
      const size_t used = std::min(left, remaining);
      frame.offset += used;
      remaining -= used;
      queued_bytes_ -= used;
      if (frame.offset == frame.bytes.size()) out_queue_.pop_front();
    }
  }
  return std::nullopt;
}

Channel::ReadResult Channel::readAvailable() {
  ReadResult result;
  if (!isOpen()) {
    result.error = ChannelError{ErrorKind::kClosed, "read on a closed channel"};
    return result;
  }
  result.error = receiveInto(result.messages);
  if (result.error) failAndClose(*result.error);
  return result;
}

std::optional<ChannelError> Channel::receiveInto(std::vector<Message>& out) {
  if (control_buffer_.empty()) control_buffer_.resize(CMSG_SPACE(sizeof(int) * limits_.max_fds_per_frame));
  std::vector<char>& control = control_buffer_;
  size_t budget = kReadBudgetBytes;
  while (budget > 0) {
    // Read straight into the decoder; a frame whose header is in asks for room for all of it.
    size_t want = kReadChunk;
    if (auto length = decoder_.pendingFrameLength()) {
      want = std::max(want, kFrameHeaderBytes + *length - decoder_.pendingBytes());
    }
    std::span<char> space = decoder_.spaceForWrite(want);
    iovec iov{space.data(), space.size()};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.data();
    msg.msg_controllen = control.size();
    ssize_t got = ::recvmsg(socket_.get(), &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    if (got < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return std::nullopt;
      if (errno == ECONNRESET) return ChannelError{ErrorKind::kPeerClosed, "connection reset"};
      return ChannelError{ErrorKind::kIoError, "recvmsg: " + errnoText(errno)};
    }
    // Adopt every descriptor first so none leaks, whatever happens next.
    for (cmsghdr* cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
      if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS) continue;
      const size_t n = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
      const int* fds = reinterpret_cast<const int*>(CMSG_DATA(cmsg));
      for (size_t i = 0; i < n; ++i) received_fds_.emplace_back(fds[i]);
    }
    if (msg.msg_flags & MSG_CTRUNC) {
      return ChannelError{ErrorKind::kTooManyFds, "more descriptors than a frame may carry (" +
                                                      std::to_string(limits_.max_fds_per_frame) + ")"};
    }
    if (got == 0) {
      if (decoder_.pendingBytes() > 0) {
        std::string detail = "mid-frame: " + std::to_string(decoder_.pendingBytes()) + " bytes of an unfinished frame";
        if (auto length = decoder_.pendingFrameLength()) detail += " announcing " + std::to_string(*length);
        return ChannelError{ErrorKind::kPeerClosed, detail};
      }
      return ChannelError{ErrorKind::kPeerClosed, "end of stream"};
    }
    stats_.bytes_in += static_cast<size_t>(got);
    budget -= std::min(budget, static_cast<size_t>(got));
    auto append_error = decoder_.commit(static_cast<size_t>(got));
    // Frames completed before a bad header are still delivered.
    if (auto error = takeFrames(out)) return error;
    if (append_error) return append_error;
    if (received_fds_.size() > 2 * limits_.max_fds_per_frame) {
      return ChannelError{ErrorKind::kTooManyFds, std::to_string(received_fds_.size()) +
                                                      " descriptors arrived without frames that claim them"};
    }
  }
  return std::nullopt;
}

std::optional<ChannelError> Channel::takeFrames(std::vector<Message>& out) {
  while (auto payload = decoder_.nextFrame()) {
    Message message;
    if (!message.envelope.ParseFromArray(payload->data(), static_cast<int>(payload->size()))) {
      return ChannelError{ErrorKind::kParseFailure, std::to_string(payload->size()) + "-byte frame is not an Envelope"};
    }
    const uint32_t fd_count = message.envelope.fd_count();
    if (fd_count > limits_.max_fds_per_frame) {
      return ChannelError{ErrorKind::kTooManyFds, "frame declares " + std::to_string(fd_count) + " fds"};
    }
    if (received_fds_.size() < fd_count) {
      return ChannelError{ErrorKind::kParseFailure, "frame declares " + std::to_string(fd_count) + " fds but " +
                                                        std::to_string(received_fds_.size()) + " arrived"};
    }
    for (uint32_t i = 0; i < fd_count; ++i) {
      message.fds.push_back(std::move(received_fds_.front()));
      received_fds_.pop_front();
    }
    message.wire_bytes = kFrameHeaderBytes + payload->size();
    message.received_ns = monotonicNowNs();
    ++stats_.messages_in;
    out.push_back(std::move(message));
  }
  return std::nullopt;
}

void Channel::handleReadable() {
  if (!isOpen()) return;
  std::vector<Message> messages;
  std::optional<ChannelError> error = receiveInto(messages);
  if (error) failAndClose(*error);
  std::weak_ptr<bool> alive = alive_;
  for (auto& message : messages) {
    if (!client_) break;
    client_->onMessage(std::move(message));
    if (alive.expired() || !*alive.lock()) return;  // the client destroyed us
    if (!isOpen() && !error) return;                 // the client closed us
  }
  if (error && client_ && !error_reported_) {
    error_reported_ = true;
    client_->onChannelError(*error);
  }
}

void Channel::handleWritable() {
  if (!isOpen()) return;
  if (auto error = writeQueued()) {
    failAndClose(*error);
    if (client_ && !error_reported_) {
      error_reported_ = true;
      client_->onChannelError(*error);
    }
    return;
  }
  notifyWriteInterest();
}

bool Channel::flushBlocking(int timeout_ms) {
  const uint64_t deadline = monotonicNowNs() + static_cast<uint64_t>(timeout_ms) * 1'000'000ull;
  while (isOpen() && hasPendingWrites()) {
    const uint64_t now = monotonicNowNs();
    if (now >= deadline) return false;
    pollfd pfd{socket_.get(), POLLOUT, 0};
    ::poll(&pfd, 1, static_cast<int>((deadline - now) / 1'000'000ull) + 1);
    if (auto error = writeQueued()) {
      failAndClose(*error);
      return false;
    }
  }
  return isOpen();
}

void Channel::failAndClose(const ChannelError&) { close(); }

void Channel::close() {
  const bool was_open = isOpen();
  socket_.reset();
  out_queue_.clear();
  queued_bytes_ = 0;
  received_fds_.clear();
  // Always tell the loop adapter, not only when write interest changes: a read watcher left on a
  // closed descriptor fires POLLNVAL, or watches whichever socket reuses the number next.
  write_interest_ = false;
  if (was_open && write_interest_hook_) write_interest_hook_(false);
}

void Channel::notifyWriteInterest() {
  const bool want = isOpen() && hasPendingWrites();
  if (want == write_interest_) return;
  write_interest_ = want;
  if (write_interest_hook_) write_interest_hook_(want);
}

}  // namespace sb::ipc
