#pragma once

#include <cstdint>

namespace sb::renderer {

// How a DrawText looks; the fields mirror wire::DrawText.
struct TextStyle {
  int pixel_size = 16;
  uint32_t argb = 0xFF000000;
  bool bold = false;
  bool monospace = false;
  bool underline = false;
};

}  // namespace sb::renderer
