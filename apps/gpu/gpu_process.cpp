#include "apps/gpu/gpu_process.h"

#include <QGuiApplication>
#include <cstdlib>
#include <span>

#include <spdlog/spdlog.h>

#include "apps/gpu/font_preload.h"
#include "apps/gpu/gpu_service.h"
#include "common/child/child_runtime.h"
#include "common/child/deliberate_faults.h"
#include "common/log/logging.h"
#include "common/sandbox/engage.h"

namespace sb::gpu {

int runGpuProcess(int argc, char** argv) {
  log::initLogging("gpu");
  const auto args = std::span<char* const>(argv, static_cast<size_t>(argc));
  auto fd = child::findIpcFd(args);
  if (!fd) {
    spdlog::error("no channel: start me from the browser (expected --ipc-fd=N naming a socket)");
    return 2;
  }
  // QPainter needs a QGuiApplication for fonts; offscreen needs no display. Its event loop never
  // runs: the channel's poll loop drives this process.
  ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
  int qt_argc = 1;
  QGuiApplication app(qt_argc, argv);
  preloadFonts();

  child::ChildRuntime runtime(wire::PROCESS_KIND_GPU, UniqueFd(*fd));
  runtime.forwardLogs();
  GpuService service([&runtime](wire::Envelope& envelope, std::span<const int> fds) {
    runtime.send(envelope, fds);
  });
  runtime.setMessageHandler([&runtime, &service](ipc::Message&& message) {
    if (message.envelope.has_debug_fault()) {
      child::performDebugFault(message.envelope.debug_fault(), runtime.channel());
      return;
    }
    if (service.handle(message.envelope)) return;
    spdlog::error("the browser sent message kind {}, which the GPU process does not handle",
                  static_cast<int>(message.envelope.body_case()));
    runtime.loop().quit(1);
  });

  const auto sandbox_status =
      sandbox::engageChildSandbox(wire::PROCESS_KIND_GPU, args, runtime.channel().fd());
  runtime.sendHello(sandbox_status);
  sandbox::logSandboxStatus(sandbox_status);
  return runtime.run();
}

}  // namespace sb::gpu
