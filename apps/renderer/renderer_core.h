#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>

#include "apps/renderer/bad_ipc/bad_ipc_sender.h"
#include "apps/renderer/fault_actions.h"
#include "apps/renderer/renderer_environment.h"
#include "apps/renderer/sandbox_probes/system_probes.h"
#include "apps/renderer/scheduler.h"
#include "apps/renderer/wall_clock.h"
#include "sandbrowser.pb.h"

namespace sb::renderer {

class Tab;

enum class HandleResult {
  kHandled,
  // Not a message a renderer receives: a protocol bug on the browser's side.
  kNotForRenderer,
};

// The renderer without its process: turns the browser's page messages (Navigate, Resize,
// InputEvent, DebugFault, CloseTab, IpcLabReport, Call, CallReply) into DisplayLists, OpenUrls,
// IpcLabRequests, Calls and CallReplies. One core hosts any number of tabs,
// keyed by Envelope.tab_id, each with its own page state. Every dependency is injected, so tests
// drive it without sockets, sleeps or crashes.
class RendererCore {
 public:
  using Send = std::function<void(wire::Envelope&)>;

  RendererCore(Send send, Scheduler& scheduler, FaultActions& faults, const WallClock& clock,
               int pid, SystemProbes& probes, BadIpcSender& bad_ipc);
  ~RendererCore();
  RendererCore(const RendererCore&) = delete;
  RendererCore& operator=(const RendererCore&) = delete;

  // Navigate creates the tab's state when it is new; Resize and InputEvent for an unknown tab
  // are logged and ignored.
  HandleResult handle(const wire::Envelope& envelope);

  size_t tabCount() const { return tabs_.size(); }

  // How a page's blocking call waits for its reply (RendererEnvironment::call_and_wait).
  void setCallAndWait(std::function<std::optional<wire::Envelope>(wire::Envelope&)> call_and_wait) {
    environment_.call_and_wait = std::move(call_and_wait);
  }

 private:
  Tab* existingTab(uint32_t tab_id, const char* message_name);
  void debugFault(uint32_t tab_id, const wire::DebugFault& fault);
  void answerCall(uint32_t tab_id, uint64_t seq, const wire::Call& call);

  RendererEnvironment environment_;
  std::map<uint32_t, std::unique_ptr<Tab>> tabs_;
};

}  // namespace sb::renderer
