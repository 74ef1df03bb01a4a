#pragma once

#include <QImage>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "common/base/shared_memory.h"
#include "common/ipc/wire_limits.h"
#include "sandbrowser.pb.h"

namespace sb::gpu {

// One tab's frame buffers: two buffers of premultiplied ARGB32 pixels, one after the other in one
// memfd. Tracks which side owns each buffer (see RasterizeFrame in the protocol): this process
// paints only a buffer it owns, and gives it away with FrameReady.
class Surface {
 public:
  static constexpr uint32_t kBufferCount = 2;

  static std::variant<Surface, std::string> create(uint32_t id, int width, int height);

  uint32_t id() const { return id_; }
  int width() const { return width_; }
  int height() const { return height_; }
  int stride() const { return width_ * 4; }
  int memoryFd() const { return memory_.fd(); }
  // After SurfaceCreated carried the memfd: the mapping stays, the descriptor goes.
  void forgetFd() { memory_.closeFd(); }

  // A buffer this process owns, if any.
  std::optional<uint32_t> freeBuffer() const;
  // The pixels of an owned buffer, for painting; the image does not own the memory.
  QImage bufferImage(uint32_t index);
  void handOver(uint32_t index) { owned_[index] = false; }
  // false for an index out of range or one this process already owns.
  bool takeBack(uint32_t index);

  // At most one frame waits for a free buffer: a newer request replaces it.
  std::optional<wire::RasterizeFrame>& pending() { return pending_; }

 private:
  Surface(uint32_t id, int width, int height, SharedMemory memory)
      : id_(id), width_(width), height_(height), memory_(std::move(memory)) {}

  uint32_t id_;
  int width_;
  int height_;
  SharedMemory memory_;
  std::array<bool, kBufferCount> owned_{true, true};
  std::optional<wire::RasterizeFrame> pending_;
};

}  // namespace sb::gpu
