#include "apps/renderer/renderer_session.h"

#include <spdlog/spdlog.h>

namespace sb::renderer {

RendererSession::RendererSession(child::ChildRuntime& runtime, FaultActions& faults,
                                 SystemProbes& probes, int pid)
    : scheduler_(runtime.loop()),
      bad_ipc_(runtime.channel()),
      core_([&runtime](wire::Envelope& envelope) { runtime.send(envelope); }, scheduler_, faults,
            clock_, pid, probes, bad_ipc_) {
  core_.setCallAndWait(
      [&runtime](wire::Envelope& request) { return runtime.callAndWait(request); });
  runtime.setMessageHandler([&runtime, this](ipc::Message&& message) {
    if (core_.handle(message.envelope) == HandleResult::kHandled) return;
    // The browser is trusted, so a message meant for someone else is a protocol bug: stop.
    spdlog::error("the browser sent message kind {}, which a renderer does not handle",
                  static_cast<int>(message.envelope.body_case()));
    runtime.loop().quit(1);
  });
}

}  // namespace sb::renderer
