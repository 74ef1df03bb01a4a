#pragma once

#include <functional>
#include <optional>

#include "apps/renderer/bad_ipc/bad_ipc_sender.h"
#include "apps/renderer/fault_actions.h"
#include "apps/renderer/sandbox_probes/system_probes.h"
#include "apps/renderer/scheduler.h"
#include "apps/renderer/wall_clock.h"
#include "sandbrowser.pb.h"

namespace sb::renderer {

// Everything the renderer core reaches outside itself, injected so tests control all of it.
struct RendererEnvironment {
  // Sends one message to the browser; the core has set tab_id.
  std::function<void(wire::Envelope&)> send;
  Scheduler& scheduler;
  FaultActions& faults;
  const WallClock& clock;
  int pid;  // shown on pages
  // Only demo://sandbox and demo://badipc get these (see RestrictedServices).
  SystemProbes& probes;
  BadIpcSender& bad_ipc;
  // Sends a message and blocks until the browser's reply to it (ChildRuntime::callAndWait);
  // nullopt when the channel failed. Unset in cores that nobody calls through.
  std::function<std::optional<wire::Envelope>(wire::Envelope&)> call_and_wait = {};
};

}  // namespace sb::renderer
