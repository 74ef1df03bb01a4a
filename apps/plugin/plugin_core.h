#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "apps/plugin/plugin_instance.h"
#include "apps/plugin/plugin_type.h"
#include "sandbrowser.pb.h"

namespace sb::plugin {

// Bounds on what the browser may ask of one plugin process. The browser is trusted, so a request
// outside them is a bug there: it is logged as an error and refused, never half-done.
struct PluginLimits {
  static constexpr size_t kMaxInstances = 32;
  static constexpr int kMinSide = 1;
  static constexpr int kMaxSide = 4096;
  // The most a single tick moves an animation, so a process that was stopped (a debugger, a
  // loaded machine) does not jump on resuming.
  static constexpr std::chrono::milliseconds kMaxStep{500};
};

enum class HandleResult {
  kHandled,
  // Not a message a plugin receives: the caller decides (DebugFault, or a protocol bug).
  kNotForPlugin,
};

// The plugin process without its process: hosts the instances of one plugin type, one per
// embedding box across all tabs, keyed by the browser's instance ids. It answers PluginCreate,
// PluginDestroy, PluginInput and Call, and sends PluginFrames and CallReplies through `send`.
// Time moves only through tick(), so tests drive it without timers or sleeps.
//
// Frames go out for live instances only: one at creation (so the box is not empty until the
// next tick), one after each click (so the click shows at once) and one per instance per tick.
class PluginCore {
 public:
  using Send = std::function<void(wire::Envelope&)>;
  // Sends a request and blocks until the browser's reply to it (ChildRuntime::callAndWait).
  using CallAndWait = std::function<std::optional<wire::Envelope>(wire::Envelope&)>;

  PluginCore(PluginType type, Send send);
  ~PluginCore();
  PluginCore(const PluginCore&) = delete;
  PluginCore& operator=(const PluginCore&) = delete;

  HandleResult handle(const wire::Envelope& envelope);

  // How an instance's blocking call back to its page waits; without it calls are answered
  // without asking the page.
  void setCallAndWait(CallAndWait call_and_wait) { call_and_wait_ = std::move(call_and_wait); }

  // Moves every instance on by the time since the previous tick (at most kMaxStep; nothing on the
  // first tick) and sends each a frame. `now` is any monotonic time.
  void tick(std::chrono::milliseconds now);

  PluginType type() const { return type_; }
  size_t instanceCount() const { return instances_.size(); }
  bool hasInstance(uint32_t instance_id) const { return instances_.contains(instance_id); }

 private:
  struct Instance {
    int width;
    int height;
    std::unique_ptr<PluginInstance> plugin;
    uint64_t frames_sent = 0;
  };

  void create(const wire::PluginCreate& create);
  void destroy(const wire::PluginDestroy& destroy);
  void input(const wire::PluginInput& input);
  void sendFrame(uint32_t instance_id, Instance& instance);
  void answerCall(uint64_t seq, const wire::Call& call);
  std::string askPage(uint32_t instance_id);

  PluginType type_;
  Send send_;
  CallAndWait call_and_wait_;
  std::map<uint32_t, Instance> instances_;
  std::optional<std::chrono::milliseconds> last_tick_;
};

}  // namespace sb::plugin
