#include "apps/renderer/layout/wire_fit.h"

#include <algorithm>
#include <string>

#include "apps/renderer/text/utf8.h"
#include "common/ipc/plugin_types.h"
#include "common/ipc/wire_limits.h"

namespace sb::renderer {
namespace {

using ipc::WireLimits;

void clampRect(wire::Rect* rect) {
  rect->set_x(std::clamp(rect->x(), -WireLimits::kMaxCoordinate, WireLimits::kMaxCoordinate));
  rect->set_y(std::clamp(rect->y(), -WireLimits::kMaxCoordinate, WireLimits::kMaxCoordinate));
  rect->set_width(std::clamp(rect->width(), 0, WireLimits::kMaxCoordinate));
  rect->set_height(std::clamp(rect->height(), 0, WireLimits::kMaxCoordinate));
}

bool validImage(const wire::Image& image) {
  const auto side_ok = [](int side) { return side > 0 && side <= WireLimits::kMaxImageSide; };
  return side_ok(image.width()) && side_ok(image.height()) &&
         image.rgba().size() == static_cast<size_t>(image.width()) * image.height() * 4;
}

// What the browser accepts: a known type, a nonzero id, and a size a plugin instance can have.
// Unique ids and the number of boxes are checked per list, by the assembler.
bool validPluginBox(const wire::PluginBox& box) {
  const auto side_ok = [](int side) { return side >= 1 && side <= WireLimits::kMaxPluginBoxSide; };
  return ipc::isKnownPluginType(box.type()) && box.box_id() != 0 && side_ok(box.rect().width()) &&
         side_ok(box.rect().height());
}

}  // namespace

const wire::Rect* itemRect(const wire::DisplayItem& item) {
  switch (item.item_case()) {
    case wire::DisplayItem::kRect:
      return &item.rect().rect();
    case wire::DisplayItem::kText:
      return &item.text().rect();
    case wire::DisplayItem::kLink:
      return &item.link().rect();
    case wire::DisplayItem::kImage:
      return &item.image().rect();
    case wire::DisplayItem::kPlugin:
      return &item.plugin().rect();
    case wire::DisplayItem::ITEM_NOT_SET:
      break;
  }
  return nullptr;
}

wire::Rect* mutableItemRect(wire::DisplayItem& item) {
  switch (item.item_case()) {
    case wire::DisplayItem::kRect:
      return item.mutable_rect()->mutable_rect();
    case wire::DisplayItem::kText:
      return item.mutable_text()->mutable_rect();
    case wire::DisplayItem::kLink:
      return item.mutable_link()->mutable_rect();
    case wire::DisplayItem::kImage:
      return item.mutable_image()->mutable_rect();
    case wire::DisplayItem::kPlugin:
      return item.mutable_plugin()->mutable_rect();
    case wire::DisplayItem::ITEM_NOT_SET:
      break;
  }
  return nullptr;
}

bool fitToWireLimits(wire::DisplayItem& item) {
  switch (item.item_case()) {
    case wire::DisplayItem::kRect:
      clampRect(item.mutable_rect()->mutable_rect());
      return true;
    case wire::DisplayItem::kText: {
      auto* text = item.mutable_text();
      clampRect(text->mutable_rect());
      if (text->text().size() > WireLimits::kMaxTextBytes) {
        text->set_text(std::string(utf8Prefix(text->text(), WireLimits::kMaxTextBytes)));
      }
      text->set_pixel_size(
          std::clamp(text->pixel_size(), WireLimits::kMinPixelSize, WireLimits::kMaxPixelSize));
      return true;
    }
    case wire::DisplayItem::kLink:
      clampRect(item.mutable_link()->mutable_rect());
      return item.link().href().size() <= WireLimits::kMaxUrlBytes;
    case wire::DisplayItem::kImage:
      clampRect(item.mutable_image()->mutable_rect());
      return validImage(item.image());
    case wire::DisplayItem::kPlugin:
      clampRect(item.mutable_plugin()->mutable_rect());
      return validPluginBox(item.plugin());
    case wire::DisplayItem::ITEM_NOT_SET:
      break;
  }
  return false;
}

}  // namespace sb::renderer
