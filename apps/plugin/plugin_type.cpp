#include "apps/plugin/plugin_type.h"

namespace sb::plugin {

std::optional<PluginType> parsePluginType(std::string_view name) {
  if (name == "ticker") return PluginType::kTicker;
  if (name == "ball") return PluginType::kBall;
  return std::nullopt;
}

std::string_view pluginTypeName(PluginType type) {
  switch (type) {
    case PluginType::kTicker:
      return "ticker";
    case PluginType::kBall:
      return "ball";
  }
  return "unknown";
}

PluginTypeFlag parsePluginTypeFlag(std::span<char* const> args) {
  std::optional<std::string_view> value;
  for (const char* arg : args) {
    if (!arg) continue;
    const std::string_view text(arg);
    if (!text.starts_with(kPluginTypeFlag)) continue;
    // Two flags that disagree would make the process kind ambiguous: refuse rather than guess.
    if (value) return {std::nullopt, "--plugin-type given more than once"};
    value = text.substr(kPluginTypeFlag.size());
  }
  if (!value) return {std::nullopt, "missing --plugin-type=ticker|ball"};
  if (auto type = parsePluginType(*value)) return {type, {}};
  constexpr size_t kShownBytes = 64;  // enough to recognise a typo, not a flood on stderr
  return {std::nullopt, "unknown plugin type \"" + std::string(value->substr(0, kShownBytes)) +
                            "\" (expected --plugin-type=ticker|ball)"};
}

}  // namespace sb::plugin
