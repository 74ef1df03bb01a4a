#include "apps/browser/core/display_list_validator.h"

#include <cstdlib>
#include <set>

#include "common/ipc/plugin_types.h"
#include "common/ipc/wire_limits.h"

namespace sb::browser {
namespace {

using Limits = ipc::WireLimits;

std::optional<std::string> checkRect(const wire::Rect& rect, const char* what) {
  const bool in_range = std::abs(rect.x()) <= Limits::kMaxCoordinate &&
                        std::abs(rect.y()) <= Limits::kMaxCoordinate && rect.width() >= 0 &&
                        rect.height() >= 0 && rect.width() <= Limits::kMaxCoordinate &&
                        rect.height() <= Limits::kMaxCoordinate;
  if (!in_range) return std::string(what) + " rectangle out of range";
  return std::nullopt;
}

std::optional<std::string> checkItem(const wire::DisplayItem& item) {
  switch (item.item_case()) {
    case wire::DisplayItem::kRect:
      return checkRect(item.rect().rect(), "fill");
    case wire::DisplayItem::kText: {
      const auto& text = item.text();
      if (text.text().size() > Limits::kMaxTextBytes) return "text item longer than the limit";
      if (text.pixel_size() < Limits::kMinPixelSize || text.pixel_size() > Limits::kMaxPixelSize) {
        return "text pixel size " + std::to_string(text.pixel_size()) + " out of range";
      }
      return checkRect(text.rect(), "text");
    }
    case wire::DisplayItem::kLink:
      if (item.link().href().size() > Limits::kMaxUrlBytes) return "link href longer than the limit";
      return checkRect(item.link().rect(), "link");
    case wire::DisplayItem::kImage: {
      const auto& image = item.image();
      if (image.width() <= 0 || image.height() <= 0 || image.width() > Limits::kMaxImageSide ||
          image.height() > Limits::kMaxImageSide) {
        return "image size " + std::to_string(image.width()) + "x" + std::to_string(image.height()) +
               " out of range";
      }
      // Both sides are at most 256, so the product cannot overflow.
      const size_t expected = static_cast<size_t>(image.width()) * static_cast<size_t>(image.height()) * 4;
      if (image.rgba().size() != expected) return "image pixel data does not match its size";
      return checkRect(image.rect(), "image");
    }
    case wire::DisplayItem::kPlugin: {
      const auto& box = item.plugin();
      if (!ipc::isKnownPluginType(box.type())) return "plugin box of unknown type";
      if (box.box_id() == 0) return "plugin box without an id";
      if (box.rect().width() <= 0 || box.rect().height() <= 0 ||
          box.rect().width() > Limits::kMaxPluginBoxSide || box.rect().height() > Limits::kMaxPluginBoxSide) {
        return "plugin box size out of range";
      }
      return checkRect(box.rect(), "plugin box");
    }
    case wire::DisplayItem::ITEM_NOT_SET:
      return "display item of unknown kind";
  }
  return "display item of unknown kind";
}

std::optional<std::string> checkPluginBoxes(const wire::DisplayList& list) {
  std::set<uint32_t> ids;
  for (const auto& item : list.items()) {
    if (!item.has_plugin()) continue;
    if (!ids.insert(item.plugin().box_id()).second) return "two plugin boxes with one id";
    if (ids.size() > static_cast<size_t>(Limits::kMaxPluginBoxes)) return "too many plugin boxes";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> validateDisplayList(const wire::DisplayList& list) {
  if (list.title().size() > Limits::kMaxTitleBytes) return "title longer than the limit";
  if (list.content_height() < 0 || list.content_height() > Limits::kMaxContentHeight) {
    return "content height out of range";
  }
  if (list.scroll_y() < 0 || list.scroll_y() > list.content_height()) return "scroll offset out of range";
  if (static_cast<size_t>(list.items_size()) > Limits::kMaxDisplayItems) {
    return std::to_string(list.items_size()) + " display items, limit " + std::to_string(Limits::kMaxDisplayItems);
  }
  for (const auto& item : list.items()) {
    if (auto violation = checkItem(item)) return violation;
  }
  return checkPluginBoxes(list);
}

std::optional<std::string> validatePluginContent(const wire::DisplayList& content) {
  if (auto violation = validateDisplayList(content)) return violation;
  for (const auto& item : content.items()) {
    if (item.has_plugin() || item.has_link()) return "plugin content may hold only rectangles, text and images";
  }
  return std::nullopt;
}

}  // namespace sb::browser
