// A compromised GPU process, for tests of GpuHost's checks. It says a correct Hello as
// PROCESS_KIND_GPU, engages the GPU sandbox like the real one (any sandbox flags it is given are
// honoured or ignored, never refused), answers CreateSurface, RasterizeFrame, ReleaseBuffer and
// DestroySurface correctly (frames are a solid colour, not the display list) and misbehaves in
// exactly one way, picked by the mode:
//   --mode=MODE, or a name ending in ".MODE" (a symlink "sb-fake-gpu.held-buffer": Browser has no
//   argument list for its GPU process, only an executable)
// With a name ending in ".MODE" the launch is hostile only if it deletes the file "<argv[0]>.armed"
// (so a test arms exactly one launch); every other launch behaves. --trigger=PATH does the same for
// --mode=. Modes:
//   normal              no misbehaviour
//   unknown-surface     FrameReady for a surface id the browser never issued
//   index-out-of-range  FrameReady with buffer_index 2
//   held-buffer         FrameReady twice for buffer 0, without a release in between
//   damage-outside      FrameReady whose damage rect reaches past the surface
//   never-asked-frame   FrameReady with a frame number the browser never asked for
//   frame-before-created FrameReady for the surface before any SurfaceCreated
//   fd-with-frame       FrameReady carrying a descriptor
//   wrong-size-fd       SurfaceCreated with a sealed memfd holding half the bytes needed
//   unsealed-fd         SurfaceCreated with a memfd not sealed against shrinking
//   not-memfd           SurfaceCreated with the read end of a pipe
//   wrong-size          SurfaceCreated whose width is not the one asked for
//   small-stride        SurfaceCreated with stride width * 4 - 4
//   no-fd               SurfaceCreated without a descriptor
//   second-created      SurfaceCreated twice for one surface
//   bad-buffer-count    SurfaceCreated with buffer_count 3 (and memory for 3)
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/base/shared_memory.h"
#include "common/base/unique_fd.h"
#include "common/child/child_runtime.h"
#include "common/log/logging.h"
#include "common/sandbox/child_flags.h"
#include "common/sandbox/engage.h"
#include "common/sandbox/preload.h"
#include "common/sandbox/sandbox_policy.h"

namespace {

using sb::wire::Envelope;

constexpr uint32_t kBuffers = 2;
constexpr uint32_t kFillArgb = 0xFF3366CC;

struct Arguments {
  std::string mode = "normal";
  std::string trigger;
};

Arguments parse(std::span<char* const> args) {
  Arguments parsed;
  const std::string_view self = args.empty() ? "" : args[0];
  const auto base_at = self.rfind('/');
  const std::string_view base = base_at == std::string_view::npos ? self : self.substr(base_at + 1);
  constexpr std::string_view kName = "sb-fake-gpu.";
  if (base.starts_with(kName)) {
    parsed.mode = base.substr(kName.size());
    parsed.trigger = std::string(self) + ".armed";
  }
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg.starts_with("--mode=")) parsed.mode = arg.substr(7);
    if (arg.starts_with("--trigger=")) parsed.trigger = arg.substr(10);
  }
  return parsed;
}

// The child sandbox as engageChildSandbox() sets it up, keeping `extra` descriptors open too.
sb::wire::SandboxStatus engage(std::span<char* const> args, std::span<const int> keep) {
  const auto flags = sb::sandbox::parseChildSandboxFlags(args);
  auto policy = sb::sandbox::policyFor(sb::wire::PROCESS_KIND_GPU);
  policy.enabled = flags.enabled;
  policy.disabled_layers = flags.disabled_layers;
  if (!policy.enabled) return sb::sandbox::engageSandbox(policy, {});
  sb::sandbox::preloadBeforeSandbox();
  const auto engaged =
      sb::sandbox::engageSandbox(policy, keep, flags.crash_fd.value_or(-1),
                                 flags.namespaces.value_or(sb::process::Namespaces{}));
  sb::wire::SandboxStatus status;
  status.set_enabled(true);
  if (flags.namespaces) sb::sandbox::addNamespaceLayers(*flags.namespaces, status);
  for (const auto& layer : engaged.layers()) *status.add_layers() = layer;
  return status;
}

struct Surface {
  int width = 0;
  int height = 0;
  sb::SharedMemory memory;
  std::array<bool, kBuffers> owned{true, true};
  std::optional<sb::wire::RasterizeFrame> pending;
};

class FakeGpu {
 public:
  FakeGpu(sb::child::ChildRuntime& runtime, std::string mode, sb::UniqueFd pipe_read)
      : runtime_(runtime), mode_(std::move(mode)), pipe_read_(std::move(pipe_read)) {}

  void handle(const Envelope& envelope) {
    switch (envelope.body_case()) {
      case Envelope::kCreateSurface:
        return onCreate(envelope.create_surface());
      case Envelope::kDestroySurface:
        surfaces_.erase(envelope.destroy_surface().surface_id());
        return;
      case Envelope::kRasterizeFrame:
        return onRasterize(envelope.rasterize_frame());
      case Envelope::kReleaseBuffer:
        return onRelease(envelope.release_buffer());
      case Envelope::kDebugFault:
        return;  // a test double does not crash on request
      default:
        spdlog::error("fake gpu: unexpected message kind {}",
                      static_cast<int>(envelope.body_case()));
        return;
    }
  }

 private:
  // True once per process for the hostile mode `mode`.
  bool misbehave(std::string_view mode) {
    if (done_ || mode_ != mode) return false;
    done_ = true;
    spdlog::info("fake gpu: misbehaving on purpose: {}", mode_);
    return true;
  }

  void send(Envelope& envelope, std::span<const int> fds = {}) {
    runtime_.send(envelope, fds);
    runtime_.channel().flushBlocking(1000);
  }

  static Envelope created(uint32_t id, int width, int height, int stride, uint32_t buffers) {
    Envelope envelope;
    auto* body = envelope.mutable_surface_created();
    body->set_surface_id(id);
    body->set_width(width);
    body->set_height(height);
    body->set_stride(stride);
    body->set_buffer_count(buffers);
    return envelope;
  }

  static Envelope frameReady(uint32_t id, uint32_t index, uint64_t number, int width, int height) {
    Envelope envelope;
    auto* body = envelope.mutable_frame_ready();
    body->set_surface_id(id);
    body->set_buffer_index(index);
    body->set_frame_number(number);
    body->mutable_damage()->set_width(width);
    body->mutable_damage()->set_height(height);
    return envelope;
  }

  void onCreate(const sb::wire::CreateSurface& request) {
    const uint32_t id = request.surface_id();
    const int width = request.width();
    const int height = request.height();
    const int stride = width * 4;
    const size_t buffer_bytes = static_cast<size_t>(stride) * static_cast<size_t>(height);
    const std::string name = "sb-surface-" + std::to_string(id);

    if (misbehave("unknown-surface")) {
      auto bad = frameReady(0x7fffffff, 0, 1, 1, 1);
      send(bad);
    }
    if (misbehave("frame-before-created")) {
      auto bad = frameReady(id, 0, 1, 1, 1);
      send(bad);
      return;
    }
    if (misbehave("no-fd")) {
      auto bad = created(id, width, height, stride, kBuffers);
      send(bad);
      return;
    }
    if (misbehave("not-memfd")) {
      auto bad = created(id, width, height, stride, kBuffers);
      const int fds[] = {pipe_read_.get()};
      send(bad, fds);
      return;
    }
    if (misbehave("unsealed-fd")) {
      sb::UniqueFd fd(::memfd_create(name.c_str(), MFD_CLOEXEC));
      if (!fd || ::ftruncate(fd.get(), static_cast<off_t>(buffer_bytes * kBuffers)) != 0) {
        spdlog::error("fake gpu: unsealed memfd: {}", std::strerror(errno));
        return;
      }
      auto bad = created(id, width, height, stride, kBuffers);
      const int fds[] = {fd.get()};
      send(bad, fds);
      return;
    }
    if (misbehave("wrong-size-fd")) {
      auto small = sb::SharedMemory::create(name.c_str(), buffer_bytes);  // half of 2 buffers
      if (auto* error = std::get_if<std::string>(&small)) {
        spdlog::error("fake gpu: {}", *error);
        return;
      }
      auto bad = created(id, width, height, stride, kBuffers);
      const int fds[] = {std::get<sb::SharedMemory>(small).fd()};
      send(bad, fds);
      return;
    }
    const uint32_t buffers = mode_ == "bad-buffer-count" && !done_ ? 3 : kBuffers;
    auto memory = sb::SharedMemory::create(name.c_str(), buffer_bytes * buffers);
    if (auto* error = std::get_if<std::string>(&memory)) {
      spdlog::error("fake gpu: surface {}: {}", id, *error);
      return;
    }
    Surface surface;
    surface.width = width;
    surface.height = height;
    surface.memory = std::move(std::get<sb::SharedMemory>(memory));
    const int fds[] = {surface.memory.fd()};
    if (misbehave("bad-buffer-count")) {
      auto bad = created(id, width, height, stride, buffers);
      send(bad, fds);
      return;
    }
    if (misbehave("wrong-size")) {
      auto bad = created(id, width + 1, height, stride + 4, kBuffers);
      send(bad, fds);
      return;
    }
    if (misbehave("small-stride")) {
      auto bad = created(id, width, height, stride - 4, kBuffers);
      send(bad, fds);
      return;
    }
    auto reply = created(id, width, height, stride, kBuffers);
    if (misbehave("second-created")) {
      send(reply, fds);
      auto again = sb::SharedMemory::create(name.c_str(), buffer_bytes * kBuffers);
      if (auto* other = std::get_if<sb::SharedMemory>(&again)) {
        const int other_fds[] = {other->fd()};
        send(reply, other_fds);
      }
      return;
    }
    send(reply, fds);
    surface.memory.closeFd();
    surfaces_[id] = std::move(surface);
  }

  void onRasterize(const sb::wire::RasterizeFrame& request) {
    auto it = surfaces_.find(request.surface_id());
    if (it == surfaces_.end()) return;
    Surface& surface = it->second;
    std::optional<uint32_t> free;
    for (uint32_t i = 0; i < kBuffers; ++i) {
      if (surface.owned[i]) {
        free = i;
        break;
      }
    }
    if (!free) {
      surface.pending = request;
      return;
    }
    paint(it->first, surface, *free, request.frame_number());
  }

  void paint(uint32_t id, Surface& surface, uint32_t index, uint64_t number) {
    const size_t stride = surface.memory.size() / kBuffers / static_cast<size_t>(surface.height);
    uint8_t* buffer =
        surface.memory.writableData() + stride * static_cast<size_t>(surface.height) * index;
    for (int y = 0; y < surface.height; ++y) {
      uint8_t* row = buffer + stride * static_cast<size_t>(y);
      for (int x = 0; x < surface.width; ++x) std::memcpy(row + 4 * x, &kFillArgb, 4);
    }
    const int w = surface.width;
    const int h = surface.height;
    if (misbehave("index-out-of-range")) {
      auto bad = frameReady(id, kBuffers, number, w, h);
      send(bad);
      return;
    }
    if (misbehave("held-buffer")) {
      auto first = frameReady(id, index, number, w, h);
      send(first);
      surface.owned[index] = false;
      auto again = frameReady(id, index, number, w, h);
      send(again);
      return;
    }
    if (misbehave("damage-outside")) {
      auto bad = frameReady(id, index, number, w, h);
      bad.mutable_frame_ready()->mutable_damage()->set_x(1);
      send(bad);
      return;
    }
    if (misbehave("never-asked-frame")) {
      auto bad = frameReady(id, index, number + 1'000'000, w, h);
      send(bad);
      return;
    }
    if (misbehave("fd-with-frame")) {
      auto bad = frameReady(id, index, number, w, h);
      const int fds[] = {STDIN_FILENO};
      send(bad, fds);
      return;
    }
    surface.owned[index] = false;
    auto ready = frameReady(id, index, number, w, h);
    send(ready);
  }

  void onRelease(const sb::wire::ReleaseBuffer& release) {
    auto it = surfaces_.find(release.surface_id());
    if (it == surfaces_.end()) return;
    Surface& surface = it->second;
    const uint32_t index = release.buffer_index();
    if (index >= kBuffers || surface.owned[index]) {
      spdlog::error("fake gpu: release of buffer {} it already owns", index);
      return;
    }
    surface.owned[index] = true;
    if (auto pending = std::exchange(surface.pending, std::nullopt)) {
      paint(it->first, surface, index, pending->frame_number());
    }
  }

  sb::child::ChildRuntime& runtime_;
  std::string mode_;
  sb::UniqueFd pipe_read_;
  bool done_ = false;
  std::map<uint32_t, Surface> surfaces_;
};

}  // namespace

int main(int argc, char** argv) {
  sb::log::initLogging("fake-gpu");
  const auto args = std::span<char* const>(argv, static_cast<size_t>(argc));
  Arguments parsed = parse(args);
  // Only the launch that removes the trigger turns hostile; the file system is gone afterwards.
  if (!parsed.trigger.empty() && ::unlink(parsed.trigger.c_str()) != 0) parsed.mode = "normal";
  auto fd = sb::child::findIpcFd(args);
  if (!fd) return 2;

  // not-memfd sends a pipe end; pipes cannot be made once the sandbox is on.
  int pipe_fds[2] = {-1, -1};
  if (parsed.mode == "not-memfd" && ::pipe2(pipe_fds, O_CLOEXEC) != 0) return 3;
  sb::UniqueFd pipe_read(pipe_fds[0]);
  sb::UniqueFd pipe_write(pipe_fds[1]);

  sb::child::ChildRuntime runtime(sb::wire::PROCESS_KIND_GPU, sb::UniqueFd(*fd));
  runtime.forwardLogs();
  std::vector<int> keep{runtime.channel().fd()};
  if (pipe_read) keep.push_back(pipe_read.get());
  if (pipe_write) keep.push_back(pipe_write.get());
  const auto sandbox_status = engage(args, keep);

  FakeGpu gpu(runtime, parsed.mode, std::move(pipe_read));
  runtime.setMessageHandler([&gpu](sb::ipc::Message&& message) { gpu.handle(message.envelope); });
  runtime.sendHello(sandbox_status);
  sb::sandbox::logSandboxStatus(sandbox_status);
  return runtime.run();
}
