#include "apps/gpu/font_preload.h"

#include <QImage>
#include <QPainter>

#include "common/paint/display_list_painter.h"

namespace sb::gpu {

void preloadFonts() {
  wire::DisplayList sample;
  for (const bool monospace : {false, true}) {
    for (const bool bold : {false, true}) {
      auto* text = sample.add_items()->mutable_text();
      text->mutable_rect()->set_width(200);
      text->mutable_rect()->set_height(40);
      text->set_text("Sandbrowser 0123456789 \xE2\x80\xA6 \xC3\xA9");
      text->set_pixel_size(14);
      text->set_bold(bold);
      text->set_monospace(monospace);
      text->set_argb(0xFF000000);
    }
  }
  QImage scratch(200, 40, QImage::Format_ARGB32_Premultiplied);
  QPainter painter(&scratch);
  paint::paintDisplayList(painter, sample, scratch.rect());
}

}  // namespace sb::gpu
