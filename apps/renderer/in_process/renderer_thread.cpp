#include "apps/renderer/in_process/renderer_thread.h"

#include <unistd.h>

#include "apps/renderer/in_process/thread_fault_actions.h"
#include "apps/renderer/in_process/thread_system_probes.h"
#include "apps/renderer/renderer_session.h"
#include "common/child/child_runtime.h"
#include "common/process/spawn_protocol.h"

namespace sb::renderer {
namespace {

wire::SandboxStatus noSandboxOnAThread() {
  wire::SandboxStatus status;
  status.set_enabled(false);
  for (std::string_view name : process::kChildSandboxLayers) {
    wire::SandboxLayer* layer = status.add_layers();
    layer->set_name(std::string(name));
    layer->set_engaged(false);
    layer->set_detail("single-process model: the renderer is a thread of the browser process");
  }
  return status;
}

}  // namespace

int runRendererThread(UniqueFd channel, BeforeProcessFault before_fault) {
  // No forwardLogs(): this thread logs through the browser's own logger already.
  child::ChildRuntime runtime(wire::PROCESS_KIND_RENDERER, std::move(channel));
  ThreadFaultActions faults(runtime.channel(), std::move(before_fault));
  ThreadSystemProbes probes;
  RendererSession session(runtime, faults, probes, ::getpid());
  runtime.sendHello(noSandboxOnAThread());
  return runtime.run();
}

}  // namespace sb::renderer
