#include "apps/renderer/layout/display_list_assembler.h"

#include <algorithm>
#include <set>
#include <string>

#include "apps/renderer/layout/wire_fit.h"
#include "apps/renderer/text/utf8.h"
#include "common/ipc/wire_limits.h"

namespace sb::renderer {
namespace {

using ipc::WireLimits;

int clampedContentHeight(int content_height) {
  return std::clamp(content_height, 0, WireLimits::kMaxContentHeight);
}

bool intersectsViewport(const wire::Rect& rect, const ViewportState& viewport) {
  const int64_t top = rect.y();
  const int64_t bottom = top + std::max(rect.height(), 0);
  return bottom > viewport.scroll_y &&
         top < static_cast<int64_t>(viewport.scroll_y) + viewport.height;
}

}  // namespace

int maxScrollY(int content_height, int viewport_height) {
  return std::max(0, clampedContentHeight(content_height) - std::max(viewport_height, 0));
}

wire::DisplayList assembleDisplayList(const PageLayout& layout, const ViewportState& viewport,
                                      uint64_t navigation_id, uint64_t frame_number) {
  wire::DisplayList list;
  list.set_navigation_id(navigation_id);
  list.set_title(std::string(utf8Prefix(sanitizeUtf8(layout.title), WireLimits::kMaxTitleBytes)));
  list.set_frame_number(frame_number);
  list.set_content_height(clampedContentHeight(layout.content_height));
  list.set_scroll_y(viewport.scroll_y);
  list.set_background_argb(layout.background_argb);
  std::set<uint32_t> box_ids;
  for (const wire::DisplayItem& source : layout.items) {
    if (static_cast<size_t>(list.items_size()) >= WireLimits::kMaxDisplayItems) break;
    const wire::Rect* rect = itemRect(source);
    if (!rect) continue;
    // The browser refuses a list with a repeated box id or too many boxes: keep the first ones.
    if (source.has_plugin() &&
        (box_ids.size() >= static_cast<size_t>(WireLimits::kMaxPluginBoxes) ||
         box_ids.contains(source.plugin().box_id()))) {
      continue;
    }
    // Plugin boxes stay in the list even when scrolled out of view: the browser keeps a plugin
    // instance for as long as its box is in the list, and scrolling should not restart it.
    if (!source.has_plugin() && !intersectsViewport(*rect, viewport)) continue;
    wire::DisplayItem item = source;
    wire::Rect* moved = mutableItemRect(item);
    moved->set_y(moved->y() - viewport.scroll_y);
    if (!fitToWireLimits(item)) continue;
    if (item.has_plugin()) box_ids.insert(item.plugin().box_id());
    *list.add_items() = std::move(item);
  }
  return list;
}

}  // namespace sb::renderer
