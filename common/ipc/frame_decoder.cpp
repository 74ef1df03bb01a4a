#include "common/ipc/frame_decoder.h"

#include <algorithm>
#include <cstring>

namespace sb::ipc {
namespace {
uint32_t readLength(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return uint32_t{b[0]} | (uint32_t{b[1]} << 8) | (uint32_t{b[2]} << 16) | (uint32_t{b[3]} << 24);
}
}  // namespace

void encodeFrameHeader(uint32_t length, char out[kFrameHeaderBytes]) {
  for (size_t i = 0; i < kFrameHeaderBytes; ++i) out[i] = static_cast<char>((length >> (8 * i)) & 0xff);
}

std::optional<ChannelError> FrameDecoder::append(std::span<const char> bytes) {
  if (error_) return error_;
  std::span<char> space = spaceForWrite(bytes.size());
  std::memcpy(space.data(), bytes.data(), bytes.size());
  return commit(bytes.size());
}

std::span<char> FrameDecoder::spaceForWrite(size_t min_bytes) {
  compact();
  if (capacity_ - size_ < min_bytes) {
    const size_t wanted = std::max(size_ + min_bytes, capacity_ * 2);
    auto bigger = std::make_unique_for_overwrite<char[]>(wanted);
    if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
    buffer_ = std::move(bigger);
    capacity_ = wanted;
  }
  return {buffer_.get() + size_, capacity_ - size_};
}

std::optional<ChannelError> FrameDecoder::commit(size_t written) {
  if (error_) return error_;
  size_ += std::min(written, capacity_ - size_);
  error_ = checkHeader();
  return error_;
}

// Validates every complete header in the buffer without waiting for the payloads behind them.
std::optional<ChannelError> FrameDecoder::checkHeader() {
  size_t offset = std::max(checked_upto_, read_offset_);
  while (size_ - offset >= kFrameHeaderBytes) {
    const uint32_t length = readLength(buffer_.get() + offset);
    checked_upto_ = offset;  // on error: frames before this one are still good
    if (length == 0) return ChannelError{ErrorKind::kParseFailure, "zero-length frame"};
    if (length > max_frame_bytes_) {
      return ChannelError{ErrorKind::kFrameTooLarge, std::to_string(length) + " bytes announced, maximum " +
                                                         std::to_string(max_frame_bytes_)};
    }
    const size_t frame_end = offset + kFrameHeaderBytes + length;
    if (frame_end > size_) return std::nullopt;  // header valid; payload still arriving
    offset = frame_end;
  }
  checked_upto_ = offset;
  return std::nullopt;
}

std::optional<std::string_view> FrameDecoder::nextFrame() {
  if (error_ && read_offset_ >= checked_upto_) return std::nullopt;  // only the bad frame is left
  if (pendingBytes() < kFrameHeaderBytes) return std::nullopt;
  const uint32_t length = readLength(buffer_.get() + read_offset_);
  if (pendingBytes() < kFrameHeaderBytes + length) return std::nullopt;
  std::string_view frame(buffer_.get() + read_offset_ + kFrameHeaderBytes, length);
  read_offset_ += kFrameHeaderBytes + length;
  return frame;
}

std::optional<uint32_t> FrameDecoder::pendingFrameLength() const {
  if (pendingBytes() < kFrameHeaderBytes) return std::nullopt;
  return readLength(buffer_.get() + read_offset_);
}

// Drops consumed bytes; called only before appending, so views handed out stay valid until then.
void FrameDecoder::compact() {
  if (read_offset_ == 0) return;
  if (size_ > read_offset_) std::memmove(buffer_.get(), buffer_.get() + read_offset_, size_ - read_offset_);
  size_ -= read_offset_;
  checked_upto_ = checked_upto_ > read_offset_ ? checked_upto_ - read_offset_ : 0;
  read_offset_ = 0;
}

}  // namespace sb::ipc
