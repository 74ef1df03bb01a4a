#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "apps/renderer/geometry.h"
#include "apps/renderer/layout/text_style.h"
#include "apps/renderer/page.h"
#include "sandbrowser.pb.h"

namespace sb::renderer {

// The horizontal band blocks are stacked in.
struct Column {
  int left = 0;
  int width = 0;
};

struct BoxStyle {
  uint32_t fill = 0xFFFFFFFF;
  uint32_t border = 0;  // 0: none
  int radius = 0;
  int padding = 0;
};

// Stacks blocks top to bottom in a centred column, like a very small block layout. Flowing
// calls place at the cursor and move it down; the ...At calls place at fixed page coordinates.
// Text longer than the wire allows is cut, so estimated heights match what is sent.
class PageBuilder {
 public:
  static constexpr int kMaxColumnWidth = 760;

  explicit PageBuilder(int viewport_width);

  const Column& column() const { return column_; }
  void setColumn(Column column) { column_ = column; }
  int y() const { return y_; }
  void setY(int y) { y_ = y; }
  void space(int pixels) { y_ += pixels; }

  Rect text(std::string_view text, const TextStyle& style);
  // Text that is also a link; the link area hugs the text when it fits on one line.
  Rect link(std::string_view text, std::string_view href, const TextStyle& style);
  // An image as wide as the column (at most max_width), centred, keeping its aspect ratio.
  Rect image(wire::Image image, int max_width);

  // A rounded box around everything added until the matching endBox(); boxes nest.
  void beginBox(const BoxStyle& style);
  void endBox();

  void fillAt(const Rect& rect, const BoxStyle& style);
  void textAt(const Rect& rect, std::string_view text, const TextStyle& style);
  void linkAt(const Rect& rect, std::string_view href);
  void imageAt(const Rect& rect, wire::Image image);
  // A box whose content a plugin process draws (an <embed>). `box_id` names the box within the
  // page and must stay the same across layouts, so the browser keeps the same plugin instance.
  void pluginAt(const Rect& rect, std::string_view type, uint32_t box_id);

  // Content height is the cursor plus a bottom margin.
  PageLayout finish(std::string title, uint32_t background_argb);

 private:
  struct OpenBox {
    size_t item_index;
    Column outer;
    int top;
    int padding;
  };

  wire::DisplayItem& add();

  std::vector<wire::DisplayItem> items_;
  std::vector<OpenBox> open_boxes_;
  Column column_;
  int margin_;
  int y_;
};

// Copies a Rect into its wire form.
void setWireRect(wire::Rect* out, const Rect& rect);

}  // namespace sb::renderer
