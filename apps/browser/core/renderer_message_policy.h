#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "common/ipc/channel.h"
#include "common/log/forwarding_sink.h"

namespace sb::browser {

// Bounds on the renderer messages that common/ipc/wire_limits.h does not cover.
struct RendererMessageLimits {
  static constexpr size_t kMaxPongPayloadBytes = 1024;  // the browser's pings carry no payload
  static constexpr size_t kMaxLoggerNameBytes = 64;
  static constexpr size_t kMaxLogTextBytes = log::ForwardingSink::kMaxTextBytes;
};

// The shape of a message from a renderer, checked before the browser acts on it: only the kinds
// a renderer may send, no file descriptors, every size, count and enum in range. Returns the
// first violation as a bad-message reason. Whether its tab and navigation are the renderer's own
// depends on the browser's state and is checked by Browser.
std::optional<std::string> checkRendererMessage(const ipc::Message& message);

}  // namespace sb::browser
