#pragma once

#include <cstdint>

#include "apps/renderer/page.h"
#include "sandbrowser.pb.h"

namespace sb::renderer {

// Where the tab's viewport is on the page.
struct ViewportState {
  int height = 0;
  int scroll_y = 0;
};

// The largest scroll offset for a page: the bottom of the page at the bottom of the viewport.
int maxScrollY(int content_height, int viewport_height);

// Turns a laid-out page into the list the browser paints: items shifted by -scroll_y, items
// entirely outside the viewport dropped (but never plugin boxes), everything fitted to the wire
// limits (including one box per id and at most WireLimits::kMaxPluginBoxes boxes). The caller has
// clamped scroll_y already.
wire::DisplayList assembleDisplayList(const PageLayout& layout, const ViewportState& viewport,
                                      uint64_t navigation_id, uint64_t frame_number);

}  // namespace sb::renderer
