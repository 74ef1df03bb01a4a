#include "apps/plugin/box_canvas.h"

#include <algorithm>
#include <string>

#include "common/ipc/wire_limits.h"

namespace sb::plugin {
namespace {

using ipc::WireLimits;

void setRect(wire::Rect* out, const BoxRect& rect) {
  out->set_x(rect.x);
  out->set_y(rect.y);
  out->set_width(rect.width);
  out->set_height(rect.height);
}

// The longest prefix of `text` of at most `max_bytes` that does not split a UTF-8 sequence, so
// the cut string still parses on the browser's side.
std::string_view utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

BoxCanvas::BoxCanvas(int width, int height)
    : width_(std::max(width, 0)), height_(std::max(height, 0)) {
  list_.set_background_argb(0xFF000000);
}

bool BoxCanvas::clip(BoxRect& rect) const {
  // In 64 bits: an instance's arithmetic may overshoot int near the edges of a 4096 box.
  const int64_t left = std::max<int64_t>(rect.x, 0);
  const int64_t top = std::max<int64_t>(rect.y, 0);
  const int64_t right = std::min<int64_t>(int64_t{rect.x} + std::max(rect.width, 0), width_);
  const int64_t bottom = std::min<int64_t>(int64_t{rect.y} + std::max(rect.height, 0), height_);
  if (right <= left || bottom <= top) return false;
  rect = BoxRect{static_cast<int>(left), static_cast<int>(top), static_cast<int>(right - left),
                 static_cast<int>(bottom - top)};
  return true;
}

bool BoxCanvas::full() const {
  return static_cast<size_t>(list_.items_size()) >= WireLimits::kMaxDisplayItems;
}

void BoxCanvas::fill(const BoxRect& rect, uint32_t argb, int corner_radius, uint32_t border_argb) {
  BoxRect clipped = rect;
  if (full() || !clip(clipped)) return;
  auto* fill = list_.add_items()->mutable_rect();
  setRect(fill->mutable_rect(), clipped);
  fill->set_argb(argb);
  fill->set_corner_radius(
      std::clamp(corner_radius, 0, std::min(clipped.width, clipped.height) / 2));
  fill->set_border_argb(border_argb);
}

void BoxCanvas::text(const BoxRect& rect, std::string_view text, const TextLook& look) {
  BoxRect clipped = rect;
  if (full() || text.empty() || !clip(clipped)) return;
  auto* draw = list_.add_items()->mutable_text();
  setRect(draw->mutable_rect(), clipped);
  draw->set_text(std::string(utf8Prefix(text, WireLimits::kMaxTextBytes)));
  draw->set_argb(look.argb);
  draw->set_pixel_size(
      std::clamp(look.pixel_size, WireLimits::kMinPixelSize, WireLimits::kMaxPixelSize));
  draw->set_bold(look.bold);
  draw->set_monospace(look.monospace);
}

wire::DisplayList BoxCanvas::finish(uint64_t frame_number) && {
  list_.set_frame_number(frame_number);
  list_.set_content_height(std::clamp(height_, 0, WireLimits::kMaxContentHeight));
  list_.set_scroll_y(0);
  return std::move(list_);
}

}  // namespace sb::plugin
