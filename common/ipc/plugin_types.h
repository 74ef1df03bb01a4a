#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace sb::ipc {

// The plugin types a page may embed (PluginBox.type); each has its own plugin process.
inline constexpr std::array<std::string_view, 2> kPluginTypes = {"ticker", "ball"};

inline bool isKnownPluginType(std::string_view type) {
  return std::find(kPluginTypes.begin(), kPluginTypes.end(), type) != kPluginTypes.end();
}

}  // namespace sb::ipc
