#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <spdlog/common.h>

namespace sb::log {

// Sets up spdlog the same way in every process: a stderr sink with time, process kind, pid and
// level, and the level from SANDBROWSER_LOG (trace|debug|info|warn|error|critical|off; default
// info). Call once, early in main().
void initLogging(std::string_view process_kind);

// Parses a level name as SANDBROWSER_LOG spells it; nullopt for anything else.
std::optional<spdlog::level::level_enum> parseLevel(std::string_view name);

// The pattern every process uses, with its kind filled in.
std::string patternFor(std::string_view process_kind);

}  // namespace sb::log
