#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/ipc/channel_error.h"

namespace sb::ipc {

inline constexpr size_t kFrameHeaderBytes = 4;
inline constexpr size_t kDefaultMaxFrameBytes = 16u << 20;

// Writes the 4-byte little-endian length prefix for a payload of `length` bytes into `out`.
void encodeFrameHeader(uint32_t length, char out[kFrameHeaderBytes]);

// Splits a byte stream into frame payloads. Pure: no sockets, no protobuf, so it can be tested and
// fuzzed byte by byte. After the first error it stays failed, but frames completed before the bad
// header can still be taken, so nothing a peer sent correctly is lost.
class FrameDecoder {
 public:
  explicit FrameDecoder(size_t max_frame_bytes = kDefaultMaxFrameBytes)
      : max_frame_bytes_(max_frame_bytes) {}

  // Appends received bytes. Fails as soon as a header announces an oversize or empty frame, so an
  // attacker cannot make us buffer 4 GiB before we notice.
  std::optional<ChannelError> append(std::span<const char> bytes);

  // Zero-copy receive: space for at least `min_bytes` at the end of the buffer, which the caller
  // fills (recvmsg straight into it) and then reports with commit(). Views from nextFrame() are
  // invalidated.
  std::span<char> spaceForWrite(size_t min_bytes);
  std::optional<ChannelError> commit(size_t written);

  // The next complete payload, if one is buffered. The view is valid until the next call.
  std::optional<std::string_view> nextFrame();

  // Bytes of an unfinished frame (header included); non-zero at EOF means a truncated frame.
  size_t pendingBytes() const { return size_ - read_offset_; }
  // The announced payload length of the unfinished frame, if its header is complete.
  std::optional<uint32_t> pendingFrameLength() const;
  size_t maxFrameBytes() const { return max_frame_bytes_; }

 private:
  std::optional<ChannelError> checkHeader();
  void compact();

  size_t max_frame_bytes_;
  // Raw storage rather than std::vector<char>: growing a vector zero-fills bytes recvmsg is about to
  // overwrite anyway.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t size_ = 0;
  size_t read_offset_ = 0;   // start of the first unconsumed byte
  size_t checked_upto_ = 0;  // frames before this offset were validated; the bad one, on error
  std::optional<ChannelError> error_;
};

}  // namespace sb::ipc
