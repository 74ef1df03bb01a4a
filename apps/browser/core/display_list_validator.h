#pragma once

#include <optional>
#include <string>

#include "sandbrowser.pb.h"

namespace sb::browser {

// Checks a renderer's DisplayList against common/ipc/wire_limits.h before anything paints it.
// Returns the first violation as a bad-message reason, or nullopt when the list is acceptable.
std::optional<std::string> validateDisplayList(const wire::DisplayList& list);
// A plugin's PluginFrame content: the same checks, and no links or plugin boxes of its own (it is
// painted clipped to its box, so positions need no further check).
std::optional<std::string> validatePluginContent(const wire::DisplayList& content);

}  // namespace sb::browser
