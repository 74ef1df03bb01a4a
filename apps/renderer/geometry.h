#pragma once

namespace sb::renderer {

// A rectangle in page coordinates (before scrolling).
struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;

  int right() const { return x + width; }
  int bottom() const { return y + height; }
  bool contains(int px, int py) const {
    return px >= x && px < right() && py >= y && py < bottom();
  }
};

}  // namespace sb::renderer
