#include "apps/renderer/renderer_process.h"

#include <span>

#include <spdlog/spdlog.h>

#include "common/child/child_runtime.h"
#include "common/log/logging.h"

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
  wire::SandboxStatus sandbox;
  sandbox.set_enabled(false);
  runtime.sendHello(sandbox);
  return runtime.run();
}

}  // namespace sb::renderer
