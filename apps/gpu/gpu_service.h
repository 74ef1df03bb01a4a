#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>

#include "apps/gpu/surface.h"
#include "sandbrowser.pb.h"

namespace sb::gpu {

// What the GPU process does with the browser's messages: make surfaces, paint display lists into
// their buffers, hand buffers over and take them back. The process wiring (channel, sandbox) is
// elsewhere, so tests drive this directly.
class GpuService {
 public:
  using Sender = std::function<void(wire::Envelope&, std::span<const int> fds)>;

  explicit GpuService(Sender send) : send_(std::move(send)) {}

  // false for a message the GPU process does not handle.
  bool handle(const wire::Envelope& envelope);

  size_t surfaceCount() const { return surfaces_.size(); }
  uint64_t framesPainted() const { return frames_painted_; }

 private:
  void createSurface(const wire::CreateSurface& request);
  void rasterize(Surface& surface, const wire::RasterizeFrame& request);
  void onRasterize(const wire::RasterizeFrame& request);
  void onRelease(const wire::ReleaseBuffer& release);

  Sender send_;
  std::map<uint32_t, Surface> surfaces_;
  uint64_t frames_painted_ = 0;
};

}  // namespace sb::gpu
