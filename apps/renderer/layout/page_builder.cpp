#include "apps/renderer/layout/page_builder.h"

#include <algorithm>

#include "apps/renderer/layout/text_metrics.h"
#include "apps/renderer/text/utf8.h"
#include "common/ipc/wire_limits.h"

namespace sb::renderer {
namespace {

using ipc::WireLimits;

// Below this the page still lays out (nothing negative, nothing empty), just cramped.
constexpr int kMinColumnWidth = 40;

int marginFor(int viewport_width) { return viewport_width >= 600 ? 32 : 12; }

void setStyle(wire::DrawText* text, const TextStyle& style) {
  text->set_argb(style.argb);
  text->set_pixel_size(
      std::clamp(style.pixel_size, WireLimits::kMinPixelSize, WireLimits::kMaxPixelSize));
  text->set_bold(style.bold);
  text->set_monospace(style.monospace);
  text->set_underline(style.underline);
}

}  // namespace

void setWireRect(wire::Rect* out, const Rect& rect) {
  out->set_x(rect.x);
  out->set_y(rect.y);
  out->set_width(rect.width);
  out->set_height(rect.height);
}

PageBuilder::PageBuilder(int viewport_width) : margin_(marginFor(viewport_width)), y_(margin_) {
  const int width =
      std::max(kMinColumnWidth, std::min(viewport_width - 2 * margin_, kMaxColumnWidth));
  column_ = Column{std::max(margin_, (viewport_width - width) / 2), width};
}

wire::DisplayItem& PageBuilder::add() { return items_.emplace_back(); }

Rect PageBuilder::text(std::string_view text, const TextStyle& style) {
  text = utf8Prefix(text, WireLimits::kMaxTextBytes);
  const Rect rect{column_.left, y_, column_.width, estimateTextHeight(text, style, column_.width)};
  textAt(rect, text, style);
  y_ = rect.bottom();
  return rect;
}

Rect PageBuilder::link(std::string_view text, std::string_view href, const TextStyle& style) {
  text = utf8Prefix(text, WireLimits::kMaxTextBytes);
  Rect rect{column_.left, y_, column_.width, estimateTextHeight(text, style, column_.width)};
  if (rect.height <= lineHeight(style)) rect.width = estimateLineWidth(text, style, column_.width);
  textAt(rect, text, style);
  linkAt(rect, href);
  y_ = rect.bottom();
  return rect;
}

Rect PageBuilder::image(wire::Image image, int max_width) {
  const int width = std::min(column_.width, max_width);
  const int height = image.width() > 0 ? width * image.height() / image.width() : 0;
  const Rect rect{column_.left + (column_.width - width) / 2, y_, width, height};
  imageAt(rect, std::move(image));
  y_ = rect.bottom();
  return rect;
}

void PageBuilder::beginBox(const BoxStyle& style) {
  fillAt(Rect{column_.left, y_, column_.width, 0}, style);
  open_boxes_.push_back(OpenBox{items_.size() - 1, column_, y_, style.padding});
  column_ = Column{column_.left + style.padding, std::max(1, column_.width - 2 * style.padding)};
  y_ += style.padding;
}

void PageBuilder::endBox() {
  if (open_boxes_.empty()) return;
  const OpenBox box = open_boxes_.back();
  open_boxes_.pop_back();
  y_ += box.padding;
  items_[box.item_index].mutable_rect()->mutable_rect()->set_height(y_ - box.top);
  column_ = box.outer;
}

void PageBuilder::fillAt(const Rect& rect, const BoxStyle& style) {
  auto* fill = add().mutable_rect();
  setWireRect(fill->mutable_rect(), rect);
  fill->set_argb(style.fill);
  fill->set_corner_radius(style.radius);
  fill->set_border_argb(style.border);
}

void PageBuilder::textAt(const Rect& rect, std::string_view text, const TextStyle& style) {
  auto* draw = add().mutable_text();
  setWireRect(draw->mutable_rect(), rect);
  draw->set_text(std::string(utf8Prefix(text, WireLimits::kMaxTextBytes)));
  setStyle(draw, style);
}

void PageBuilder::linkAt(const Rect& rect, std::string_view href) {
  if (href.size() > WireLimits::kMaxUrlBytes) return;  // unreachable anyway; keep the list valid
  auto* link = add().mutable_link();
  setWireRect(link->mutable_rect(), rect);
  link->set_href(std::string(href));
}

void PageBuilder::imageAt(const Rect& rect, wire::Image image) {
  auto& item = add();
  *item.mutable_image() = std::move(image);
  setWireRect(item.mutable_image()->mutable_rect(), rect);
}

void PageBuilder::pluginAt(const Rect& rect, std::string_view type, uint32_t box_id) {
  auto* plugin = add().mutable_plugin();
  setWireRect(plugin->mutable_rect(), rect);
  plugin->set_type(std::string(type));
  plugin->set_box_id(box_id);
}

PageLayout PageBuilder::finish(std::string title, uint32_t background_argb) {
  while (!open_boxes_.empty()) endBox();
  PageLayout layout;
  layout.title = std::move(title);
  layout.background_argb = background_argb;
  layout.content_height = y_ + margin_;
  layout.items = std::move(items_);
  return layout;
}

}  // namespace sb::renderer
