#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "common/ipc/channel.h"
#include "common/log/forwarding_sink.h"

namespace sb::browser {

// Bounds on the child messages that common/ipc/wire_limits.h does not cover.
struct RendererMessageLimits {
  static constexpr size_t kMaxPongPayloadBytes = 1024;  // the browser's pings carry no payload
  static constexpr size_t kMaxLoggerNameBytes = 64;
  static constexpr size_t kMaxLogTextBytes = log::ForwardingSink::kMaxTextBytes;
};

// The shape of a message from a renderer, checked before the browser acts on it: only the kinds
// a renderer may send, no file descriptors, every size, count and enum in range. Returns the
// first violation as a bad-message reason. Whether its tab and navigation are the renderer's own
// depends on the browser's state and is checked by Browser.
// A forwarded log line of any child: level in range, logger name and text within bounds.
std::optional<std::string> checkLogRecord(const wire::LogRecord& record);
std::optional<std::string> checkRendererMessage(const ipc::Message& message);
// The same for the GPU process: Pong, LogRecord, SurfaceCreated (with exactly one descriptor, the
// memfd) and FrameReady. Whether the surface, buffer and frame are right is GpuHost's to check.
std::optional<std::string> checkGpuMessage(const ipc::Message& message);
// The same for a plugin process: Pong, LogRecord and PluginFrame, whose content passes
// validatePluginContent(). No descriptors.
std::optional<std::string> checkPluginMessage(const ipc::Message& message);

}  // namespace sb::browser
