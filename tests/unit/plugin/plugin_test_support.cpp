#include "tests/unit/plugin/plugin_test_support.h"

#include "common/ipc/wire_limits.h"

namespace sb::plugin::testing {
namespace {

using ipc::WireLimits;

::testing::AssertionResult rectInside(const wire::Rect& rect, int width, int height, int index) {
  if (rect.x() < 0 || rect.y() < 0 || rect.width() < 1 || rect.height() < 1 ||
      int64_t{rect.x()} + rect.width() > width || int64_t{rect.y()} + rect.height() > height) {
    return ::testing::AssertionFailure()
           << "item " << index << " at " << rect.x() << "," << rect.y() << " " << rect.width()
           << "x" << rect.height() << " is not inside the " << width << "x" << height << " box";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace

void CoreHarness::create(uint32_t id, int width, int height) {
  wire::Envelope envelope;
  auto* create = envelope.mutable_plugin_create();
  create->set_instance_id(id);
  create->set_width(width);
  create->set_height(height);
  EXPECT_EQ(core.handle(envelope), HandleResult::kHandled);
}

void CoreHarness::destroy(uint32_t id) {
  wire::Envelope envelope;
  envelope.mutable_plugin_destroy()->set_instance_id(id);
  EXPECT_EQ(core.handle(envelope), HandleResult::kHandled);
}

void CoreHarness::click(uint32_t id, int x, int y) {
  wire::Envelope envelope;
  auto* input = envelope.mutable_plugin_input();
  input->set_instance_id(id);
  input->mutable_click()->set_x(x);
  input->mutable_click()->set_y(y);
  EXPECT_EQ(core.handle(envelope), HandleResult::kHandled);
}

std::vector<wire::PluginFrame> CoreHarness::framesFor(uint32_t id) const {
  std::vector<wire::PluginFrame> frames;
  for (const wire::Envelope& envelope : sent) {
    if (envelope.has_plugin_frame() && envelope.plugin_frame().instance_id() == id)
      frames.push_back(envelope.plugin_frame());
  }
  return frames;
}

const wire::PluginFrame& CoreHarness::lastFrame() const {
  static const wire::PluginFrame kNone;
  if (sent.empty() || !sent.back().has_plugin_frame()) {
    ADD_FAILURE() << "the last message sent is not a PluginFrame";
    return kNone;
  }
  return sent.back().plugin_frame();
}

::testing::AssertionResult frameFitsBox(const wire::PluginFrame& frame, int width, int height) {
  const wire::DisplayList& content = frame.content();
  if (!content.title().empty()) return ::testing::AssertionFailure() << "a title";
  if (content.content_height() != height) {
    return ::testing::AssertionFailure() << "content height " << content.content_height();
  }
  if (content.scroll_y() != 0) return ::testing::AssertionFailure() << "scrolled";
  if (content.items_size() == 0 ||
      static_cast<size_t>(content.items_size()) > WireLimits::kMaxDisplayItems) {
    return ::testing::AssertionFailure() << content.items_size() << " items";
  }
  wire::PluginFrame reparsed;
  if (!reparsed.ParseFromString(frame.SerializeAsString())) {
    return ::testing::AssertionFailure() << "the frame does not survive a round trip";
  }
  for (int i = 0; i < content.items_size(); ++i) {
    const wire::DisplayItem& item = content.items(i);
    if (item.has_rect()) {
      const auto& fill = item.rect();
      if (fill.corner_radius() < 0 ||
          fill.corner_radius() > std::min(fill.rect().width(), fill.rect().height()) / 2 + 1) {
        return ::testing::AssertionFailure() << "item " << i << " radius " << fill.corner_radius();
      }
      if (auto inside = rectInside(fill.rect(), width, height, i); !inside) return inside;
    } else if (item.has_text()) {
      const auto& text = item.text();
      if (text.text().empty() || text.text().size() > WireLimits::kMaxTextBytes) {
        return ::testing::AssertionFailure()
               << "item " << i << " has " << text.text().size() << " bytes of text";
      }
      if (text.pixel_size() < WireLimits::kMinPixelSize ||
          text.pixel_size() > WireLimits::kMaxPixelSize) {
        return ::testing::AssertionFailure() << "item " << i << " pixel size " << text.pixel_size();
      }
      if (auto inside = rectInside(text.rect(), width, height, i); !inside) return inside;
    } else {
      return ::testing::AssertionFailure()
             << "item " << i << " is neither a FillRect nor a DrawText (case "
             << static_cast<int>(item.item_case()) << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

std::string allText(const wire::DisplayList& content) {
  std::string text;
  for (const auto& item : content.items()) {
    if (item.has_text()) text += item.text().text() + "\n";
  }
  return text;
}

}  // namespace sb::plugin::testing
