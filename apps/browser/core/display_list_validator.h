#pragma once

#include <optional>
#include <string>

#include "sandbrowser.pb.h"

namespace sb::browser {

// Checks a renderer's DisplayList against common/ipc/wire_limits.h before anything paints it.
// Returns the first violation as a bad-message reason, or nullopt when the list is acceptable.
std::optional<std::string> validateDisplayList(const wire::DisplayList& list);

}  // namespace sb::browser
