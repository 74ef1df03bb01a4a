#include "apps/renderer/renderer_process.h"

#include <unistd.h>

#include <span>

#include <spdlog/spdlog.h>

#include "apps/renderer/process/process_fault_actions.h"
#include "apps/renderer/process/sandbox_probes/linux_system_probes.h"
#include "apps/renderer/renderer_session.h"
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

  ProcessFaultActions faults(runtime.channel());
  LinuxSystemProbes probes(std::span<char* const>(argv, static_cast<size_t>(argc)));
  RendererSession session(runtime, faults, probes, outerPid());

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
