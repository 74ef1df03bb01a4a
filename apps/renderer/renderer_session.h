#pragma once

#include "apps/renderer/fault_actions.h"
#include "apps/renderer/process/channel_bad_ipc_sender.h"
#include "apps/renderer/process/poll_loop_scheduler.h"
#include "apps/renderer/process/system_wall_clock.h"
#include "apps/renderer/renderer_core.h"
#include "apps/renderer/sandbox_probes/system_probes.h"
#include "common/child/child_runtime.h"

namespace sb::renderer {

// A RendererCore serving the browser over a ChildRuntime's channel: what a renderer process and
// a renderer thread (the single-process model) have in common. The faults and probes differ
// between the two, so they come in. Construct it after the runtime, so the pages (and their
// timers) go before the runtime's loop does.
class RendererSession {
 public:
  RendererSession(child::ChildRuntime& runtime, FaultActions& faults, SystemProbes& probes, int pid);
  RendererSession(const RendererSession&) = delete;
  RendererSession& operator=(const RendererSession&) = delete;

 private:
  PollLoopScheduler scheduler_;
  SystemWallClock clock_;
  ChannelBadIpcSender bad_ipc_;
  RendererCore core_;
};

}  // namespace sb::renderer
