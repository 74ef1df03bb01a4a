#pragma once

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>
#include <array>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "apps/browser/core/crash_window.h"
#include "apps/browser/core/hang_watch.h"
#include "apps/browser/core/process_host.h"
#include "common/base/shared_memory.h"
#include "sandbrowser.pb.h"

namespace sb::browser {

// The browser's side of the GPU process: one surface per client (a tab), display lists out,
// frames back in shared memory, and the crash policy. Everything the GPU process sends is checked
// here (surface, buffer ownership, size, damage, frame number); a violation is a bad message and
// the process is killed, which counts as a crash.
//
// When the GPU process dies the last frames stay on screen (their memory stays mapped), marked
// stale, while a new process starts and every surface is made and painted again. After
// `crash_limit` crashes within `crash_window` the browser paints in software until retry().
class GpuHost : public QObject {
  Q_OBJECT

 public:
  struct Options {
    ProcessHost::Config process;  // kind and executable are set here
    int crash_limit = 3;
    std::chrono::milliseconds crash_window{60000};
    // A GPU process that leaves a Ping unanswered this long is killed (and counts as a crash).
    std::chrono::milliseconds heartbeat_interval{1000};
    std::chrono::milliseconds hang_timeout{5000};
  };

  enum class Mode { kOff, kStarting, kRunning, kRestarting, kSoftware };

  // What a client shows: a read-only view of a buffer the browser holds.
  struct Frame {
    QImage image;
    uint64_t frame_number = 0;
    uint32_t buffer_index = 0;
    bool stale = false;  // from a GPU process that has since died
  };

  explicit GpuHost(Options options, QObject* parent = nullptr);
  ~GpuHost() override;

  void start();
  // Sees every message to and from the GPU process (the IPC log).
  void setObserver(ProcessHost::Observer observer) { observer_ = std::move(observer); }
  // The newest content for a client; painted once the process and the surface are ready.
  void submit(int client, QSize size, std::shared_ptr<const wire::DisplayList> list);
  void remove(int client);
  // The frame to show, or null: nothing painted yet, or software mode (paint the list yourself).
  const Frame* frame(int client) const;

  Mode mode() const { return mode_; }
  bool softwareFallback() const { return mode_ == Mode::kSoftware; }
  int totalCrashes() const { return crashes_.totalCrashes(); }
  int recentCrashes() { return crashes_.recentCrashes(nowNs()); }
  const ProcessHost* process() const { return process_.get(); }
  uint64_t framesShown() const { return frames_shown_; }
  // "GPU process pid 123", "GPU process restarting (crash 2 of 3 in 60 s)", "software ...".
  QString statusText() const;

  // Leaves software mode: forgets the crashes and starts the process again.
  void retry();
  bool sendFault(wire::DebugFault::Kind kind);
  bool sendSignal(int signal);
  void shutdown();
  bool live() const;

 signals:
  void frameReady(int client);
  void modeChanged();
  void processStarted(qint64 pid);
  // Each GPU process that ends, before anything reacts to it (for crash reports).
  void processExited(const sb::browser::ProcessHost* process);

 private:
  struct Surface {
    uint32_t id = 0;  // 0: none yet
    QSize size;
    bool created = false;
    std::shared_ptr<const SharedMemory> memory;
    int stride = 0;
    std::array<bool, 2> gpu_owns{true, true};
    std::optional<uint32_t> displayed;
    std::deque<uint64_t> requested;  // frame numbers asked for and not yet shown, oldest first
    bool dirty = false;              // newer content than the last request, held back
  };
  struct Client {
    QSize size;
    std::shared_ptr<const wire::DisplayList> list;
    Surface surface;
    std::optional<Frame> frame;
    std::shared_ptr<const SharedMemory> frame_memory;  // keeps frame.image's pixels mapped
  };

  static uint64_t nowNs();
  void launch();
  void onReady();
  void onExited();
  void onMessage(ProcessHost& host, ipc::Message&& message);
  void onSurfaceCreated(const wire::SurfaceCreated& created, std::vector<UniqueFd>& fds);
  void onFrameReady(const wire::FrameReady& ready);
  // The client that owns `surface_id`, or null; a bad message for an id never issued.
  Client* clientForSurface(uint32_t surface_id, const char* what);
  void ensureSurface(Client& client);
  void requestFrame(Client& client);
  void destroySurface(Surface& surface);
  bool running() const;

  Options options_;
  ProcessHost::Observer observer_;
  std::unique_ptr<ProcessHost> process_;
  std::unique_ptr<HangWatch> hang_watch_;
  Mode mode_ = Mode::kOff;
  bool shutting_down_ = false;
  CrashWindow crashes_;
  std::map<int, Client> clients_;
  std::map<uint32_t, int> surface_clients_;
  uint32_t next_surface_id_ = 1;
  uint64_t next_frame_number_ = 1;
  uint64_t frames_shown_ = 0;
};

const char* gpuModeName(GpuHost::Mode mode);

}  // namespace sb::browser
