#pragma once

#include <cstdint>
#include <string_view>

#include "sandbrowser.pb.h"

namespace sb::plugin {

// A rectangle in box coordinates: (0, 0) is the top-left of the plugin's box.
struct BoxRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

struct TextLook {
  int pixel_size = 13;
  uint32_t argb = 0xFFFFFFFF;
  bool bold = false;
  bool monospace = false;
};

// Builds one frame of a plugin's content. Whatever an instance draws, the result stays inside
// the box and inside common/ipc/wire_limits.h: every rect is clipped to the box (and dropped when
// nothing is left), text is cut to the byte limit, pixel sizes are clamped, and items beyond the
// count limit are dropped. The browser kills a plugin whose frame breaks those rules, so the
// instances never have to think about them.
class BoxCanvas {
 public:
  // Starts black; instances set their own background.
  BoxCanvas(int width, int height);

  int width() const { return width_; }
  int height() const { return height_; }

  // What the browser fills the box with before painting the items.
  void setBackground(uint32_t argb) { list_.set_background_argb(argb); }

  void fill(const BoxRect& rect, uint32_t argb, int corner_radius = 0, uint32_t border_argb = 0);
  void text(const BoxRect& rect, std::string_view text, const TextLook& look);

  // The frame: title empty, content_height the box height, nothing scrolled.
  wire::DisplayList finish(uint64_t frame_number) &&;

 private:
  // `rect` clipped to the box; false when nothing of it is inside.
  bool clip(BoxRect& rect) const;
  bool full() const;

  int width_;
  int height_;
  wire::DisplayList list_;
};

}  // namespace sb::plugin
