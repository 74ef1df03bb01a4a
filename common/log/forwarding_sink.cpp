#include "common/log/forwarding_sink.h"

#include <chrono>

namespace sb::log {

std::string validUtf8(std::string_view text, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (valid && length == 3) {  // no UTF-16 surrogates (ED A0..BF) and no overlong forms (E0 80..9F)
      const auto second = static_cast<unsigned char>(text[i + 1]);
      valid = !(lead == 0xED && second >= 0xA0) && !(lead == 0xE0 && second < 0xA0);
    }
    if (valid && length == 2) valid = lead >= 0xC2;
    if (valid && length == 4) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      valid = lead <= 0xF4 && !(lead == 0xF0 && second < 0x90) && !(lead == 0xF4 && second >= 0x90);
    }
    const size_t taken = valid ? length : 1;
    if (out.size() + (valid ? length : 1) > max_bytes) break;  // never split a character
    out.append(valid ? text.substr(i, length) : std::string_view("?"));
    i += taken;
  }
  return out;
}

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
  record.set_text(validUtf8({msg.payload.data(), msg.payload.size()}, kMaxTextBytes));
  record.set_time_ns(static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(msg.time.time_since_epoch()).count()));
  forward_(record);
  forwarding_ = false;
}

}  // namespace sb::log
