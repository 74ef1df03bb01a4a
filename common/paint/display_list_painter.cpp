#include "common/paint/display_list_painter.h"

#include <QFontDatabase>
#include <QImage>

namespace sb::paint {
namespace {

QRect toQRect(const wire::Rect& rect) { return QRect(rect.x(), rect.y(), rect.width(), rect.height()); }

void paintFill(QPainter& painter, const wire::FillRect& fill) {
  const QRect rect = toQRect(fill.rect());
  painter.setPen(fill.border_argb() ? QPen(colorFromArgb(fill.border_argb()), 1) : Qt::NoPen);
  painter.setBrush(colorFromArgb(fill.argb()));
  if (fill.corner_radius() > 0) {
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), fill.corner_radius(), fill.corner_radius());
  } else {
    painter.drawRect(rect);
  }
}

// `base`: the painter's font when painting began; not painter.font(), which the previous text item
// may have changed to the fixed font.
void paintText(QPainter& painter, const wire::DrawText& text, const QFont& base) {
  QFont font = text.monospace() ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : base;
  font.setPixelSize(text.pixel_size());
  font.setBold(text.bold());
  font.setUnderline(text.underline());
  painter.setFont(font);
  painter.setPen(colorFromArgb(text.argb()));
  painter.drawText(toQRect(text.rect()), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   QString::fromUtf8(text.text().data(), static_cast<qsizetype>(text.text().size())));
}

// Converted here, pixel by pixel, rather than by QImage::convertToFormat or inside drawImage: Qt
// splits big conversions over its thread pool, and a sandboxed child may not start threads.
QImage premultipliedCopy(const wire::Image& image) {
  // The validator guarantees rgba.size() == width * height * 4.
  QImage out(image.width(), image.height(), QImage::Format_ARGB32_Premultiplied);
  const auto* in = reinterpret_cast<const uchar*>(image.rgba().data());
  for (int y = 0; y < image.height(); ++y) {
    auto* row = reinterpret_cast<QRgb*>(out.scanLine(y));
    for (int x = 0; x < image.width(); ++x, in += 4) {
      row[x] = qPremultiply(qRgba(in[0], in[1], in[2], in[3]));
    }
  }
  return out;
}

void paintImage(QPainter& painter, const wire::Image& image) {
  painter.drawImage(toQRect(image.rect()), premultipliedCopy(image));
}

}  // namespace

QColor colorFromArgb(uint32_t argb) {
  return QColor::fromRgba(static_cast<QRgb>(argb));
}

void paintDisplayList(QPainter& painter, const wire::DisplayList& list, const QRect& target) {
  painter.save();
  painter.setClipRect(target);
  painter.translate(target.topLeft());
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setRenderHint(QPainter::TextAntialiasing, true);
  painter.fillRect(QRect(QPoint(0, 0), target.size()),
                   list.background_argb() ? colorFromArgb(list.background_argb()) : QColor(Qt::white));
  const QFont base_font = painter.font();
  for (const auto& item : list.items()) {
    switch (item.item_case()) {
      case wire::DisplayItem::kRect: paintFill(painter, item.rect()); break;
      case wire::DisplayItem::kText: paintText(painter, item.text(), base_font); break;
      case wire::DisplayItem::kImage: paintImage(painter, item.image()); break;
      case wire::DisplayItem::kLink:    // not painted: the other items draw the link
      case wire::DisplayItem::kPlugin:  // the browser paints the plugin's content over it
      case wire::DisplayItem::ITEM_NOT_SET: break;
    }
  }
  painter.restore();
}

const wire::LinkArea* linkAt(const wire::DisplayList& list, QPoint point) {
  const wire::LinkArea* found = nullptr;
  for (const auto& item : list.items()) {
    if (item.has_link() && toQRect(item.link().rect()).contains(point)) found = &item.link();
  }
  return found;
}

}  // namespace sb::paint
