#include "apps/gpu/surface.h"

#include <string>

namespace sb::gpu {

std::variant<Surface, std::string> Surface::create(uint32_t id, int width, int height) {
  if (width <= 0 || height <= 0) return std::string("empty surface");
  const size_t buffer_bytes = static_cast<size_t>(width) * static_cast<size_t>(height) * 4;
  using Limits = ipc::WireLimits;
  if (width > Limits::kMaxViewportSide || height > Limits::kMaxViewportSide ||
      buffer_bytes > Limits::kMaxSurfaceBufferBytes) {
    return "surface " + std::to_string(width) + "x" + std::to_string(height) + " is too large";
  }
  const std::string name = "sb-surface-" + std::to_string(id);
  auto memory = SharedMemory::create(name.c_str(), buffer_bytes * kBufferCount);
  if (auto* error = std::get_if<std::string>(&memory)) return *error;
  return Surface(id, width, height, std::move(std::get<SharedMemory>(memory)));
}

std::optional<uint32_t> Surface::freeBuffer() const {
  for (uint32_t i = 0; i < kBufferCount; ++i) {
    if (owned_[i]) return i;
  }
  return std::nullopt;
}

QImage Surface::bufferImage(uint32_t index) {
  const size_t buffer_bytes = static_cast<size_t>(stride()) * static_cast<size_t>(height_);
  uchar* start = memory_.writableData() + buffer_bytes * index;
  return QImage(start, width_, height_, stride(), QImage::Format_ARGB32_Premultiplied);
}

bool Surface::takeBack(uint32_t index) {
  if (index >= kBufferCount || owned_[index]) return false;
  owned_[index] = true;
  return true;
}

}  // namespace sb::gpu
