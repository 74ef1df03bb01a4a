#include "apps/plugin/plugin_process.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <span>

#include "apps/plugin/plugin_core.h"
#include "apps/plugin/plugin_type.h"
#include "common/base/clock.h"
#include "common/child/child_runtime.h"
#include "common/child/deliberate_faults.h"
#include "common/log/logging.h"
#include "common/sandbox/engage.h"

namespace sb::plugin {
namespace {

// About 10 frames a second per instance: lively, and 32 instances stay well inside the browser's
// message budget for a child.
constexpr std::chrono::milliseconds kFrameInterval{100};

std::chrono::milliseconds monotonicNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::nanoseconds(monotonicNowNs()));
}

}  // namespace

int runPluginProcess(int argc, char** argv) {
  log::initLogging("plugin");
  const auto args = std::span<char* const>(argv, static_cast<size_t>(argc));
  const PluginTypeFlag type = parsePluginTypeFlag(args);
  if (!type.type) {
    spdlog::error("{}", type.error);
    return 2;
  }
  auto fd = child::findIpcFd(args);
  if (!fd) {
    spdlog::error("no channel: start me from the browser (expected --ipc-fd=N naming a socket)");
    return 2;
  }
  child::ChildRuntime runtime(wire::PROCESS_KIND_PLUGIN, UniqueFd(*fd));
  runtime.forwardLogs();

  // Declared after the runtime, so the instances go before its loop does.
  PluginCore core(*type.type, [&runtime](wire::Envelope& envelope) { runtime.send(envelope); });
  core.setCallAndWait([&runtime](wire::Envelope& request) { return runtime.callAndWait(request); });
  runtime.setMessageHandler([&runtime, &core](ipc::Message&& message) {
    if (message.envelope.has_debug_fault()) {
      // The fault takes the whole process down, and with it every instance in every tab.
      child::performDebugFault(message.envelope.debug_fault(), runtime.channel());
      return;
    }
    if (core.handle(message.envelope) == HandleResult::kHandled) return;
    // The browser is trusted, so a message meant for someone else is a protocol bug: stop.
    spdlog::error("the browser sent message kind {}, which a plugin does not handle",
                  static_cast<int>(message.envelope.body_case()));
    runtime.loop().quit(1);
  });

  // Start-up is over: engage the sandbox (unless --no-sandbox), then say Hello with what engaged.
  const auto sandbox_status =
      sandbox::engageChildSandbox(wire::PROCESS_KIND_PLUGIN, args, runtime.channel().fd());
  runtime.sendHello(sandbox_status);
  sandbox::logSandboxStatus(sandbox_status);
  spdlog::info("{} plugin ready", pluginTypeName(*type.type));

  // The animation clock: one repeating timer drives every instance, so a hundred boxes cost one
  // wake-up per frame, not a hundred.
  runtime.loop().startTimer(kFrameInterval, /*repeat=*/true,
                            [&core] { core.tick(monotonicNow()); });
  return runtime.run();
}

}  // namespace sb::plugin
