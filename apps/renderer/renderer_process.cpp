#include "apps/renderer/renderer_process.h"

#include <unistd.h>

#include <span>

#include <spdlog/spdlog.h>

#include "apps/renderer/process/channel_bad_ipc_sender.h"
#include "apps/renderer/process/poll_loop_scheduler.h"
#include "apps/renderer/process/process_fault_actions.h"
#include "apps/renderer/process/sandbox_probes/linux_system_probes.h"
#include "apps/renderer/process/system_wall_clock.h"
#include "apps/renderer/renderer_core.h"
#include "common/base/outer_pid.h"
#include "common/child/child_runtime.h"
#include "common/log/logging.h"
#include "common/sandbox/engage.h"

namespace sb::renderer {

int runRendererProcess(int argc, char** argv) {
  log::initLogging("renderer");
  auto fd = child::findIpcFd(std::span<char* const>(argv, static_cast<size_t>(argc)));
  if (!fd) {
    spdlog::error("no channel: start me from the browser (expected --ipc-fd=N naming a socket)");
    return 2;
  }
  child::ChildRuntime runtime(wire::PROCESS_KIND_RENDERER, UniqueFd(*fd));
  runtime.forwardLogs();

  // Declared after the runtime, so the pages (and their timers) go before its loop does.
  PollLoopScheduler scheduler(runtime.loop());
  ProcessFaultActions faults(runtime.channel());
  SystemWallClock clock;
  LinuxSystemProbes probes(std::span<char* const>(argv, static_cast<size_t>(argc)));
  ChannelBadIpcSender bad_ipc(runtime.channel());
  RendererCore core([&runtime](wire::Envelope& envelope) { runtime.send(envelope); }, scheduler,
                    faults, clock, outerPid(), probes, bad_ipc);
  runtime.setMessageHandler([&runtime, &core](ipc::Message&& message) {
    if (core.handle(message.envelope) == HandleResult::kHandled) return;
    // The browser is trusted, so a message meant for someone else is a protocol bug: stop.
    spdlog::error("the browser sent message kind {}, which a renderer does not handle",
                  static_cast<int>(message.envelope.body_case()));
    runtime.loop().quit(1);
  });

  // Start-up is over: engage the sandbox (unless --no-sandbox), then say Hello with what engaged.
  const auto args = std::span<char* const>(argv, static_cast<size_t>(argc));
  const auto sandbox_status =
      sandbox::engageChildSandbox(wire::PROCESS_KIND_RENDERER, args, runtime.channel().fd());
  probes.recordSandboxStatus(sandbox_status);
  runtime.sendHello(sandbox_status);
  sandbox::logSandboxStatus(sandbox_status);
  return runtime.run();
}

}  // namespace sb::renderer
