#pragma once

#include "sandbrowser.pb.h"

namespace sb::renderer {

// The browser kills a renderer whose list breaks common/ipc/wire_limits.h, so every item passes
// through here before it is sent, whatever page produced it.

// The item's rectangle; nullptr when the item is empty.
const wire::Rect* itemRect(const wire::DisplayItem& item);
wire::Rect* mutableItemRect(wire::DisplayItem& item);

// Clamps coordinates, sizes and pixel sizes and cuts text into the limits. Returns false for an
// item that cannot be made valid (empty, an href or image out of bounds, a plugin box of an
// unknown type, id 0 or a side outside 1..WireLimits::kMaxPluginBoxSide): drop it.
bool fitToWireLimits(wire::DisplayItem& item);

}  // namespace sb::renderer
