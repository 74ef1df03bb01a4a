#include "common/paint/display_list_painter.h"

#include <QImage>
#include <QPainter>
#include <gtest/gtest.h>

namespace sb::paint {
namespace {

void addText(wire::DisplayList& list, QRect rect, const char* text, bool monospace) {
  auto* item = list.add_items()->mutable_text();
  item->mutable_rect()->set_x(rect.x());
  item->mutable_rect()->set_y(rect.y());
  item->mutable_rect()->set_width(rect.width());
  item->mutable_rect()->set_height(rect.height());
  item->set_text(text);
  item->set_pixel_size(14);
  item->set_argb(0xFF000000);
  item->set_monospace(monospace);
}

QImage paint(const wire::DisplayList& list) {
  QImage image(400, 120, QImage::Format_ARGB32);
  QPainter painter(&image);
  paintDisplayList(painter, list, image.rect());
  return image;
}

const QRect kProportionalCell(10, 60, 380, 40);

TEST(DisplayListPainter, ProportionalTextAfterMonospaceTextKeepsItsFont) {
  wire::DisplayList alone;
  addText(alone, kProportionalCell, "Leave something behind on disk", false);
  wire::DisplayList after_code;
  addText(after_code, QRect(10, 10, 380, 40), "EPERM", true);
  addText(after_code, kProportionalCell, "Leave something behind on disk", false);
  // The renderer measured the text for the proportional font; a leaked fixed font is wider and
  // wraps, so the lower half of the cell would be clipped.
  EXPECT_EQ(paint(alone).copy(kProportionalCell), paint(after_code).copy(kProportionalCell));
}

TEST(DisplayListPainter, MonospaceTextIsPaintedDifferentlyFromProportional) {
  // Guards the test above: if both fonts were the same, it would prove nothing.
  wire::DisplayList proportional;
  addText(proportional, kProportionalCell, "Leave something behind on disk", false);
  wire::DisplayList monospace;
  addText(monospace, kProportionalCell, "Leave something behind on disk", true);
  EXPECT_NE(paint(proportional).copy(kProportionalCell), paint(monospace).copy(kProportionalCell));
}

TEST(DisplayListPainter, LinkAtFindsTheTopmostLinkUnderThePoint) {
  wire::DisplayList list;
  for (const char* href : {"demo://a", "demo://b"}) {
    auto* link = list.add_items()->mutable_link();
    link->mutable_rect()->set_width(100);
    link->mutable_rect()->set_height(20);
    link->set_href(href);
  }
  ASSERT_NE(linkAt(list, QPoint(5, 5)), nullptr);
  EXPECT_EQ(linkAt(list, QPoint(5, 5))->href(), "demo://b");
  EXPECT_EQ(linkAt(list, QPoint(150, 5)), nullptr);
}

}  // namespace
}  // namespace sb::paint
