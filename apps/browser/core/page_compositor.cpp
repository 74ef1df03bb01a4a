#include "apps/browser/core/page_compositor.h"

#include <QRect>

namespace sb::browser {
namespace {

constexpr uint32_t kPlaceholderFill = 0xFFF1F3F4;
constexpr uint32_t kPlaceholderBorder = 0xFFC5221F;
constexpr uint32_t kPlaceholderInk = 0xFF3C4043;

QRect toQRect(const wire::Rect& rect) { return QRect(rect.x(), rect.y(), rect.width(), rect.height()); }

void setRect(wire::Rect* out, const QRect& rect) {
  out->set_x(rect.x());
  out->set_y(rect.y());
  out->set_width(rect.width());
  out->set_height(rect.height());
}

// `rect` (box coordinates) moved into the page and cut to the box; empty when nothing is left.
QRect placeInBox(const wire::Rect& rect, const QRect& box) {
  return toQRect(rect).translated(box.topLeft()).intersected(box);
}

void addContent(wire::DisplayList& out, const wire::DisplayList& content, const QRect& box) {
  auto* background = out.add_items()->mutable_rect();
  setRect(background->mutable_rect(), box);
  background->set_argb(content.background_argb() ? content.background_argb() : 0xFFFFFFFF);
  for (const auto& item : content.items()) {
    wire::DisplayItem placed = item;
    switch (item.item_case()) {
      case wire::DisplayItem::kRect: {
        const QRect rect = placeInBox(item.rect().rect(), box);
        if (rect.isEmpty()) continue;
        setRect(placed.mutable_rect()->mutable_rect(), rect);
        break;
      }
      case wire::DisplayItem::kText: {
        // Cutting the layout box keeps the text inside: text is clipped to its box when painted.
        const QRect rect = placeInBox(item.text().rect(), box);
        if (rect.isEmpty()) continue;
        setRect(placed.mutable_text()->mutable_rect(), rect);
        break;
      }
      case wire::DisplayItem::kImage: {
        // An image is scaled into its rect, so cutting the rect would squash it: whole or not at all.
        const QRect rect = toQRect(item.image().rect()).translated(box.topLeft());
        if (!box.contains(rect)) continue;
        setRect(placed.mutable_image()->mutable_rect(), rect);
        break;
      }
      default:
        continue;  // links and boxes were refused when the frame arrived
    }
    *out.add_items() = std::move(placed);
  }
}

void addText(wire::DisplayList& out, const QRect& rect, const std::string& text, int pixel_size, bool bold) {
  auto* item = out.add_items()->mutable_text();
  setRect(item->mutable_rect(), rect);
  item->set_text(text);
  item->set_pixel_size(pixel_size);
  item->set_bold(bold);
  item->set_argb(kPlaceholderInk);
}

void addCrashPlaceholder(wire::DisplayList& out, const std::string& type, const QString& reason, const QRect& box) {
  auto* fill = out.add_items()->mutable_rect();
  setRect(fill->mutable_rect(), box);
  fill->set_argb(kPlaceholderFill);
  fill->set_border_argb(kPlaceholderBorder);
  const QRect inner = box.adjusted(12, 10, -12, -10);
  addText(out, inner, "\xE2\x9A\xA0 The " + type + " plugin crashed \xE2\x80\x94 click here to reload it", 15, true);
  addText(out, inner.adjusted(0, 26, 0, 0), reason.left(300).toStdString(), 12, false);
}

}  // namespace

wire::DisplayList composePage(const wire::DisplayList& page, const PluginContentLookup& lookup) {
  wire::DisplayList out = page;
  out.clear_items();
  for (const auto& item : page.items()) {
    *out.add_items() = item;
    if (!item.has_plugin()) continue;
    const QRect box = toQRect(item.plugin().rect());
    const PluginHosts::BoxContent content = lookup(item.plugin().box_id());
    switch (content.state) {
      case PluginHosts::BoxContent::State::kLive:
        addContent(out, *content.content, box);
        break;
      case PluginHosts::BoxContent::State::kCrashed:
        addCrashPlaceholder(out, item.plugin().type(), content.crash_reason, box);
        break;
      case PluginHosts::BoxContent::State::kStarting:
        break;  // the renderer's own backdrop shows through
    }
  }
  return out;
}

}  // namespace sb::browser
