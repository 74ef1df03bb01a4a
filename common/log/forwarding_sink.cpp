#include "common/log/forwarding_sink.h"

#include <chrono>

namespace sb::log {

wire::LogLevel toWireLevel(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace: return wire::LOG_LEVEL_TRACE;
    case spdlog::level::debug: return wire::LOG_LEVEL_DEBUG;
    case spdlog::level::info: return wire::LOG_LEVEL_INFO;
    case spdlog::level::warn: return wire::LOG_LEVEL_WARN;
    case spdlog::level::err: return wire::LOG_LEVEL_ERROR;
    default: return wire::LOG_LEVEL_CRITICAL;
  }
}

void ForwardingSink::sink_it_(const spdlog::details::log_msg& msg) {
  if (forwarding_ || !forward_) return;
  forwarding_ = true;
  wire::LogRecord record;
  record.set_level(toWireLevel(msg.level));
  record.set_logger(std::string(msg.logger_name.data(), msg.logger_name.size()));
  const size_t length = std::min(msg.payload.size(), kMaxTextBytes);
  record.set_text(std::string(msg.payload.data(), length));
  record.set_time_ns(static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(msg.time.time_since_epoch()).count()));
  forward_(record);
  forwarding_ = false;
}

}  // namespace sb::log
