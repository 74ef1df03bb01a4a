#include "apps/gpu/gpu_service.h"

#include <QPainter>

#include <spdlog/spdlog.h>

#include "common/paint/display_list_painter.h"

namespace sb::gpu {

bool GpuService::handle(const wire::Envelope& envelope) {
  switch (envelope.body_case()) {
    case wire::Envelope::kCreateSurface:
      createSurface(envelope.create_surface());
      return true;
    case wire::Envelope::kDestroySurface:
      surfaces_.erase(envelope.destroy_surface().surface_id());
      return true;
    case wire::Envelope::kRasterizeFrame:
      onRasterize(envelope.rasterize_frame());
      return true;
    case wire::Envelope::kReleaseBuffer:
      onRelease(envelope.release_buffer());
      return true;
    default:
      return false;
  }
}

void GpuService::createSurface(const wire::CreateSurface& request) {
  // The browser is trusted, but a repeated id would hand out a second memfd for one surface.
  surfaces_.erase(request.surface_id());
  auto created = Surface::create(request.surface_id(), request.width(), request.height());
  if (auto* error = std::get_if<std::string>(&created)) {
    spdlog::error("surface {}: {}", request.surface_id(), *error);
    return;
  }
  Surface& surface =
      surfaces_.emplace(request.surface_id(), std::move(std::get<Surface>(created))).first->second;
  wire::Envelope reply;
  auto* body = reply.mutable_surface_created();
  body->set_surface_id(surface.id());
  body->set_width(surface.width());
  body->set_height(surface.height());
  body->set_stride(surface.stride());
  body->set_buffer_count(Surface::kBufferCount);
  const int fds[] = {surface.memoryFd()};
  send_(reply, fds);
  surface.forgetFd();
}

void GpuService::onRasterize(const wire::RasterizeFrame& request) {
  auto it = surfaces_.find(request.surface_id());
  if (it == surfaces_.end()) {
    spdlog::warn("rasterize for unknown surface {}", request.surface_id());
    return;
  }
  Surface& surface = it->second;
  if (!surface.freeBuffer()) {
    surface.pending() = request;  // painted when the browser releases a buffer
    return;
  }
  rasterize(surface, request);
}

void GpuService::rasterize(Surface& surface, const wire::RasterizeFrame& request) {
  const uint32_t index = *surface.freeBuffer();
  {
    QImage image = surface.bufferImage(index);
    QPainter painter(&image);
    paint::paintDisplayList(painter, request.display_list(), image.rect());
  }  // the painter ends here: every pixel is written before the buffer changes hands
  surface.handOver(index);
  ++frames_painted_;
  wire::Envelope ready;
  auto* body = ready.mutable_frame_ready();
  body->set_surface_id(surface.id());
  body->set_buffer_index(index);
  body->set_frame_number(request.frame_number());
  // Every frame repaints the whole viewport (the renderer sends whole display lists).
  body->mutable_damage()->set_width(surface.width());
  body->mutable_damage()->set_height(surface.height());
  send_(ready, {});
}

void GpuService::onRelease(const wire::ReleaseBuffer& release) {
  auto it = surfaces_.find(release.surface_id());
  if (it == surfaces_.end()) return;  // destroyed meanwhile
  Surface& surface = it->second;
  if (!surface.takeBack(release.buffer_index())) {
    spdlog::error("surface {}: release of buffer {} this process already owns", surface.id(),
                  release.buffer_index());
    return;
  }
  if (auto pending = std::exchange(surface.pending(), std::nullopt)) rasterize(surface, *pending);
}

}  // namespace sb::gpu
