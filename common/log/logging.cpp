#include "common/log/logging.h"

#include "common/base/outer_pid.h"

#include <unistd.h>

#include <cstdlib>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace sb::log {

std::optional<spdlog::level::level_enum> parseLevel(std::string_view name) {
  static constexpr std::pair<std::string_view, spdlog::level::level_enum> kLevels[] = {
      {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug},
      {"info", spdlog::level::info},   {"warn", spdlog::level::warn},
      {"warning", spdlog::level::warn}, {"error", spdlog::level::err},
      {"critical", spdlog::level::critical}, {"off", spdlog::level::off},
  };
  for (const auto& [text, level] : kLevels) {
    if (text == name) return level;
  }
  return std::nullopt;
}

std::string patternFor(std::string_view process_kind) {
  return "[%H:%M:%S.%e] [" + std::string(process_kind) + ":" + std::to_string(outerPid()) + "] [%^%l%$] %v";
}

void initLogging(std::string_view process_kind) {
  auto logger = spdlog::stderr_color_mt(std::string(process_kind));
  spdlog::set_default_logger(logger);
  spdlog::set_pattern(patternFor(process_kind));
  spdlog::set_level(spdlog::level::info);
  if (const char* env = std::getenv("SANDBROWSER_LOG")) {
    if (auto level = parseLevel(env)) {
      spdlog::set_level(*level);
    } else {
      spdlog::warn("SANDBROWSER_LOG={} is not a level (trace, debug, info, warn, error, critical, off); using info",
                   env);
    }
  }
}

}  // namespace sb::log
