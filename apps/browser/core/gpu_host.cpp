#include "apps/browser/core/gpu_host.h"

#include <spdlog/spdlog.h>

#include "apps/browser/core/child_message_policy.h"
#include "common/base/clock.h"
#include "common/ipc/wire_limits.h"

namespace sb::browser {
namespace {

constexpr uint32_t kBufferCount = 2;
// Frames asked for and not yet shown, per surface. One being painted and one waiting for a buffer
// keep the GPU process busy; anything newer replaces the waiting one here, in the browser, so a
// renderer flooding display lists cannot queue work in the GPU process.
constexpr size_t kMaxOutstandingFrames = 2;

bool fitsASurface(QSize size) {
  using Limits = ipc::WireLimits;
  return !size.isEmpty() && size.width() <= Limits::kMaxViewportSide && size.height() <= Limits::kMaxViewportSide &&
         static_cast<uint64_t>(size.width()) * static_cast<uint64_t>(size.height()) * 4 <= Limits::kMaxSurfaceBufferBytes;
}

}  // namespace

const char* gpuModeName(GpuHost::Mode mode) {
  switch (mode) {
    case GpuHost::Mode::kOff: return "off";
    case GpuHost::Mode::kStarting: return "starting";
    case GpuHost::Mode::kRunning: return "running";
    case GpuHost::Mode::kRestarting: return "restarting";
    case GpuHost::Mode::kSoftware: return "software";
  }
  return "unknown";
}

GpuHost::GpuHost(Options options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      crashes_(options_.crash_limit, options_.crash_window) {
  options_.process.kind = wire::PROCESS_KIND_GPU;
}

GpuHost::~GpuHost() = default;

uint64_t GpuHost::nowNs() { return monotonicNowNs(); }

void GpuHost::start() {
  if (mode_ != Mode::kOff) return;
  mode_ = Mode::kStarting;
  launch();
  emit modeChanged();
}

void GpuHost::launch() {
  hang_watch_.reset();
  if (process_) process_.release()->deleteLater();  // we may be inside its exited() signal
  process_ = std::make_unique<ProcessHost>(options_.process);
  ProcessHost* raw = process_.get();
  raw->setMessageHandler([this](ProcessHost& host, ipc::Message&& m) { onMessage(host, std::move(m)); });
  raw->setObserver(observer_);
  connect(raw, &ProcessHost::ready, this, [this, raw] {
    if (raw == process_.get()) onReady();
  });
  connect(raw, &ProcessHost::exited, this, [this, raw] {
    emit processExited(raw);
    if (raw == process_.get()) onExited();
  });
  connect(raw, &ProcessHost::launchFailed, this, [this, raw] {
    if (raw == process_.get()) onExited();
  });
  connect(raw, &ProcessHost::launched, this, &GpuHost::processStarted);
  raw->start();
}

bool GpuHost::running() const {
  return mode_ == Mode::kRunning && process_ && process_->state() == ProcessHost::State::kRunning;
}

void GpuHost::onReady() {
  mode_ = Mode::kRunning;
  hang_watch_ = std::make_unique<HangWatch>(*process_, options_.heartbeat_interval, options_.hang_timeout, [this] {
    process_->killWithReason("killed by the browser: the GPU process stopped answering for " +
                             std::to_string(options_.hang_timeout.count()) + " ms");
  });
  spdlog::info("GPU process pid {} ready", process_->pid());
  for (auto& [id, client] : clients_) {
    if (client.list) requestFrame(client);
  }
  emit modeChanged();
}

void GpuHost::onExited() {
  hang_watch_.reset();
  const QString reason = QString::fromStdString(process_->exitInfo().describe());
  // Surfaces die with the process; the frames on screen stay (their memory stays mapped).
  surface_clients_.clear();
  for (auto& [id, client] : clients_) {
    client.surface = Surface{};
    if (client.frame) client.frame->stale = true;
  }
  if (shutting_down_) {
    mode_ = Mode::kOff;
    emit modeChanged();
    return;
  }
  const bool give_up = crashes_.recordCrash(nowNs());
  spdlog::warn("GPU process gone ({}); crash {} of {} within {} s", reason.toStdString(),
               crashes_.recentCrashes(nowNs()), crashes_.limit(),
               std::chrono::duration_cast<std::chrono::seconds>(crashes_.window()).count());
  if (give_up) {
    spdlog::warn("falling back to software rasterisation in the browser process");
    mode_ = Mode::kSoftware;
    for (auto& [id, client] : clients_) {
      client.frame.reset();
      client.frame_memory.reset();
    }
  } else {
    mode_ = Mode::kRestarting;
    launch();
  }
  emit modeChanged();
  for (const auto& [id, client] : clients_) emit frameReady(id);
}

void GpuHost::retry() {
  if (mode_ != Mode::kSoftware) return;
  crashes_.forgiveAll();
  mode_ = Mode::kStarting;
  launch();
  emit modeChanged();
}

void GpuHost::submit(int client_id, QSize size, std::shared_ptr<const wire::DisplayList> list) {
  Client& client = clients_[client_id];
  client.size = size;
  client.list = std::move(list);
  if (running() && client.list) requestFrame(client);
}

void GpuHost::remove(int client_id) {
  auto it = clients_.find(client_id);
  if (it == clients_.end()) return;
  destroySurface(it->second.surface);
  clients_.erase(it);
}

const GpuHost::Frame* GpuHost::frame(int client_id) const {
  auto it = clients_.find(client_id);
  if (it == clients_.end() || !it->second.frame || mode_ == Mode::kSoftware) return nullptr;
  return &*it->second.frame;
}

void GpuHost::destroySurface(Surface& surface) {
  if (surface.id == 0) return;
  surface_clients_.erase(surface.id);
  if (running()) {
    wire::Envelope envelope;
    envelope.mutable_destroy_surface()->set_surface_id(surface.id);
    process_->send(envelope);
  }
  surface = Surface{};
}

void GpuHost::ensureSurface(Client& client) {
  if (client.surface.id != 0 && client.surface.size == client.size) return;
  destroySurface(client.surface);
  client.surface.id = next_surface_id_++;
  client.surface.size = client.size;
  for (auto& [id, candidate] : clients_) {
    if (&candidate == &client) surface_clients_[client.surface.id] = id;
  }
  wire::Envelope envelope;
  auto* body = envelope.mutable_create_surface();
  body->set_surface_id(client.surface.id);
  body->set_width(client.size.width());
  body->set_height(client.size.height());
  process_->send(envelope);
}

void GpuHost::requestFrame(Client& client) {
  if (!fitsASurface(client.size)) {
    // Too big for a GPU surface: this client is painted in software, and says so.
    destroySurface(client.surface);
    if (client.frame) {
      client.frame.reset();
      client.frame_memory.reset();
      for (const auto& [id, candidate] : clients_) {
        if (&candidate == &client) emit frameReady(id);
      }
    }
    return;
  }
  ensureSurface(client);
  if (!client.surface.created) return;  // asked again once SurfaceCreated arrives
  Surface& surface = client.surface;
  if (surface.requested.size() >= kMaxOutstandingFrames) {
    surface.dirty = true;  // asked again, with the newest list, when a frame comes back
    return;
  }
  surface.dirty = false;
  const uint64_t number = next_frame_number_++;
  surface.requested.push_back(number);
  wire::Envelope envelope;
  auto* body = envelope.mutable_rasterize_frame();
  body->set_surface_id(surface.id);
  body->set_frame_number(number);
  *body->mutable_display_list() = *client.list;
  process_->send(envelope);
}

void GpuHost::onMessage(ProcessHost& host, ipc::Message&& message) {
  if (auto violation = checkGpuMessage(message)) {
    host.reportBadMessage(*violation);
    return;
  }
  const auto& envelope = message.envelope;
  switch (envelope.body_case()) {
    case wire::Envelope::kSurfaceCreated:
      onSurfaceCreated(envelope.surface_created(), message.fds);
      return;
    case wire::Envelope::kFrameReady:
      onFrameReady(envelope.frame_ready());
      return;
    case wire::Envelope::kLogRecord:
      spdlog::debug("[gpu {}] {}", host.pid(), envelope.log_record().text());
      return;
    case wire::Envelope::kPong:
      if (hang_watch_) hang_watch_->onPong(envelope);
      return;
    default:
      return;
  }
}

GpuHost::Client* GpuHost::clientForSurface(uint32_t surface_id, const char* what) {
  auto it = surface_clients_.find(surface_id);
  if (it != surface_clients_.end()) return &clients_.at(it->second);
  // An id the browser issued and has since destroyed: the message crossed the DestroySurface.
  if (surface_id != 0 && surface_id < next_surface_id_) return nullptr;
  process_->reportBadMessage(std::string(what) + " for surface " + std::to_string(surface_id) +
                             ", which the browser never created");
  return nullptr;
}

void GpuHost::onSurfaceCreated(const wire::SurfaceCreated& created, std::vector<UniqueFd>& fds) {
  Client* client = clientForSurface(created.surface_id(), "SurfaceCreated");
  if (!client) return;
  Surface& surface = client->surface;
  auto bad = [this](const std::string& reason) { process_->reportBadMessage("SurfaceCreated: " + reason); };
  if (surface.created) return bad("the surface was already created");
  if (created.width() != surface.size.width() || created.height() != surface.size.height()) {
    return bad("size " + std::to_string(created.width()) + "x" + std::to_string(created.height()) +
               " is not the size asked for");
  }
  const int64_t row_bytes = int64_t{created.width()} * 4;
  // A multiple of 4: QImage needs every row 32-bit aligned.
  if (created.stride() < row_bytes || created.stride() > row_bytes + 64 || created.stride() % 4 != 0) {
    return bad("stride " + std::to_string(created.stride()) + " out of range");
  }
  if (created.buffer_count() != kBufferCount) {
    return bad(std::to_string(created.buffer_count()) + " buffers, expected " + std::to_string(kBufferCount));
  }
  const size_t bytes = static_cast<size_t>(created.stride()) * static_cast<size_t>(created.height()) * kBufferCount;
  auto mapped = SharedMemory::mapReadOnly(std::move(fds.at(0)), bytes);
  if (auto* error = std::get_if<std::string>(&mapped)) return bad("memory: " + *error);
  surface.memory = std::make_shared<const SharedMemory>(std::move(std::get<SharedMemory>(mapped)));
  surface.stride = created.stride();
  surface.created = true;
  if (client->list) requestFrame(*client);
}

void GpuHost::onFrameReady(const wire::FrameReady& ready) {
  Client* client = clientForSurface(ready.surface_id(), "FrameReady");
  if (!client) return;
  Surface& surface = client->surface;
  auto bad = [this](const std::string& reason) { process_->reportBadMessage("FrameReady: " + reason); };
  if (!surface.created) return bad("the surface has no memory yet");
  const uint32_t index = ready.buffer_index();
  if (index >= kBufferCount) return bad("buffer index " + std::to_string(index) + " out of range");
  if (!surface.gpu_owns[index]) return bad("buffer " + std::to_string(index) + " is held by the browser");
  const auto& damage = ready.damage();
  const bool damage_inside = damage.x() >= 0 && damage.y() >= 0 && damage.width() >= 0 && damage.height() >= 0 &&
                             int64_t{damage.x()} + damage.width() <= surface.size.width() &&
                             int64_t{damage.y()} + damage.height() <= surface.size.height();
  if (!damage_inside) return bad("damage rect outside the surface");
  auto asked = std::find(surface.requested.begin(), surface.requested.end(), ready.frame_number());
  if (asked == surface.requested.end()) {
    return bad("frame " + std::to_string(ready.frame_number()) + " was never asked for");
  }
  surface.requested.erase(surface.requested.begin(), asked + 1);

  // The buffer changes hands: the browser reads it from now on, and gives back the one it showed.
  surface.gpu_owns[index] = false;
  if (surface.displayed) {
    surface.gpu_owns[*surface.displayed] = true;
    wire::Envelope release;
    release.mutable_release_buffer()->set_surface_id(surface.id);
    release.mutable_release_buffer()->set_buffer_index(*surface.displayed);
    process_->send(release);
  }
  surface.displayed = index;
  const size_t buffer_bytes = static_cast<size_t>(surface.stride) * static_cast<size_t>(surface.size.height());
  client->frame = Frame{QImage(surface.memory->data() + buffer_bytes * index, surface.size.width(),
                               surface.size.height(), surface.stride, QImage::Format_ARGB32_Premultiplied),
                        ready.frame_number(), index, false};
  client->frame_memory = surface.memory;
  ++frames_shown_;
  emit frameReady(surface_clients_.at(surface.id));
  if (surface.dirty && client->list) requestFrame(*client);
}

QString GpuHost::statusText() const {
  const auto window_s = std::chrono::duration_cast<std::chrono::seconds>(options_.crash_window).count();
  switch (mode_) {
    case Mode::kOff: return tr("GPU process off");
    case Mode::kStarting: return tr("GPU process starting");
    case Mode::kRunning: return tr("GPU process pid %1").arg(process_ ? process_->pid() : 0);
    case Mode::kRestarting:
      return tr("GPU process restarting (%1 crash(es), %2 in %3 s fall back to software)")
          .arg(crashes_.totalCrashes())
          .arg(options_.crash_limit)
          .arg(window_s);
    case Mode::kSoftware:
      return tr("Software rasterisation: the GPU process crashed %1 times in %2 s").arg(options_.crash_limit).arg(window_s);
  }
  return {};
}

bool GpuHost::sendFault(wire::DebugFault::Kind kind) {
  if (!running()) return false;
  wire::Envelope envelope;
  envelope.mutable_debug_fault()->set_kind(kind);
  return process_->send(envelope);
}

bool GpuHost::sendSignal(int signal) { return process_ && process_->sendSignal(signal); }

void GpuHost::shutdown() {
  shutting_down_ = true;
  if (process_) process_->shutdown("browser quitting");
}

bool GpuHost::live() const { return process_ && process_->alive(); }

}  // namespace sb::browser
