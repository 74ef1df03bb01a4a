#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sb::plugin {

// The kinds of plugin this binary can be; one process runs exactly one of them.
enum class PluginType { kTicker, kBall };

// "ticker" -> kTicker; nullopt for anything else (the names of common/ipc/plugin_types.h).
std::optional<PluginType> parsePluginType(std::string_view name);
std::string_view pluginTypeName(PluginType type);

inline constexpr std::string_view kPluginTypeFlag = "--plugin-type=";

// The type named by --plugin-type=NAME, or an error a person can act on when the flag is
// missing, repeated or names no known type.
struct PluginTypeFlag {
  std::optional<PluginType> type;
  std::string error;  // empty when `type` is set
};
PluginTypeFlag parsePluginTypeFlag(std::span<char* const> args);

}  // namespace sb::plugin
