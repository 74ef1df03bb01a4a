#include "tests/unit/renderer/renderer_test_support.h"

#include <cerrno>
#include <cstdlib>
#include <set>

#include "common/ipc/plugin_types.h"
#include "common/ipc/wire_limits.h"

namespace sb::renderer::testing {

using ipc::WireLimits;

Scheduler::TimerId FakeScheduler::startTimer(std::chrono::milliseconds interval, TimerMode mode,
                                             std::function<void()> callback) {
  const TimerId id = next_id_++;
  timers_[id] = Timer{now_ + interval, interval, mode, std::move(callback)};
  return id;
}

void FakeScheduler::stopTimer(TimerId id) { timers_.erase(id); }

void FakeScheduler::advance(std::chrono::milliseconds by) {
  const auto end = now_ + by;
  while (true) {
    auto next = timers_.end();
    for (auto it = timers_.begin(); it != timers_.end(); ++it) {
      if (it->second.due <= end && (next == timers_.end() || it->second.due < next->second.due))
        next = it;
    }
    if (next == timers_.end()) break;
    now_ = next->second.due;
    auto callback = next->second.callback;  // a copy: the callback may stop its own timer
    if (next->second.mode == TimerMode::kRepeating) {
      next->second.due += next->second.interval;
    } else {
      timers_.erase(next);
    }
    callback();
  }
  now_ = end;
}

namespace {
class CountedMemory final : public HeldMemory {
 public:
  CountedMemory(size_t& total, size_t bytes) : total_(total), bytes_(bytes) { total_ += bytes_; }
  ~CountedMemory() override { total_ -= bytes_; }

 private:
  size_t& total_;
  size_t bytes_;
};
}  // namespace

std::unique_ptr<HeldMemory> FakeFaults::holdMemory(size_t bytes) {
  timeline_.push_back("hold:" + std::to_string(bytes));
  if (fail_allocations) return nullptr;
  return std::make_unique<CountedMemory>(held_bytes_, bytes);
}

ProbeOutcome FakeProbes::run(ProbeId probe) {
  runs.push_back(probe);
  const auto it = outcomes.find(probe);
  if (it != outcomes.end()) return it->second;
  return ProbeOutcome::denied(EPERM);
}

HandleResult CoreHarness::navigate(uint32_t tab, std::string_view url, uint64_t navigation_id,
                                   int width, int height) {
  wire::Envelope envelope;
  envelope.set_tab_id(tab);
  auto* navigate = envelope.mutable_navigate();
  navigate->set_navigation_id(navigation_id);
  navigate->set_url(std::string(url));
  navigate->set_viewport_width(width);
  navigate->set_viewport_height(height);
  return core.handle(envelope);
}

void CoreHarness::resize(uint32_t tab, int width, int height) {
  wire::Envelope envelope;
  envelope.set_tab_id(tab);
  envelope.mutable_resize()->set_width(width);
  envelope.mutable_resize()->set_height(height);
  EXPECT_EQ(core.handle(envelope), HandleResult::kHandled);
}

void CoreHarness::sendInput(uint32_t tab, const wire::InputEvent& event) {
  wire::Envelope envelope;
  envelope.set_tab_id(tab);
  *envelope.mutable_input() = event;
  EXPECT_EQ(core.handle(envelope), HandleResult::kHandled);
}

void CoreHarness::click(uint32_t tab, int x, int y) {
  wire::InputEvent event;
  event.mutable_click()->set_x(x);
  event.mutable_click()->set_y(y);
  sendInput(tab, event);
}

void CoreHarness::scroll(uint32_t tab, int delta_y) {
  wire::InputEvent event;
  event.mutable_scroll()->set_delta_y(delta_y);
  sendInput(tab, event);
}

void CoreHarness::type(uint32_t tab, std::string_view text) {
  wire::InputEvent event;
  event.mutable_key()->set_text(std::string(text));
  sendInput(tab, event);
}

void CoreHarness::press(uint32_t tab, wire::KeyInput::Special special) {
  wire::InputEvent event;
  event.mutable_key()->set_special(special);
  sendInput(tab, event);
}

void CoreHarness::debugFault(uint32_t tab, wire::DebugFault::Kind kind, int exit_code) {
  wire::Envelope envelope;
  envelope.set_tab_id(tab);
  envelope.mutable_debug_fault()->set_kind(kind);
  envelope.mutable_debug_fault()->set_exit_code(exit_code);
  EXPECT_EQ(core.handle(envelope), HandleResult::kHandled);
}

const wire::DisplayList& CoreHarness::lastList(uint32_t tab) const {
  for (auto it = sent.rbegin(); it != sent.rend(); ++it) {
    if (it->tab_id() == tab && it->has_display_list()) return it->display_list();
  }
  ADD_FAILURE() << "no DisplayList for tab " << tab;
  static const wire::DisplayList kEmpty;
  return kEmpty;
}

size_t CoreHarness::listCount(uint32_t tab) const {
  size_t count = 0;
  for (const auto& envelope : sent)
    count += envelope.tab_id() == tab && envelope.has_display_list();
  return count;
}

void CoreHarness::record(const wire::Envelope& envelope) {
  sent.push_back(envelope);
  timeline.push_back(envelope.has_display_list() ? "send:display_list"
                     : envelope.has_open_url()   ? "send:open_url"
                                                 : "send:other");
}

namespace {

::testing::AssertionResult checkRect(const wire::Rect& rect, int index) {
  const auto coordinate_ok = [](int v) { return std::abs(v) <= WireLimits::kMaxCoordinate; };
  if (!coordinate_ok(rect.x()) || !coordinate_ok(rect.y()) || rect.width() < 0 ||
      rect.height() < 0 || rect.width() > WireLimits::kMaxCoordinate ||
      rect.height() > WireLimits::kMaxCoordinate) {
    return ::testing::AssertionFailure() << "item " << index << " has a rect out of bounds";
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult checkItem(const wire::DisplayItem& item, int index) {
  switch (item.item_case()) {
    case wire::DisplayItem::kRect:
      return checkRect(item.rect().rect(), index);
    case wire::DisplayItem::kText: {
      const auto& text = item.text();
      if (text.text().size() > WireLimits::kMaxTextBytes) {
        return ::testing::AssertionFailure() << "item " << index << " has too much text";
      }
      if (text.pixel_size() < WireLimits::kMinPixelSize ||
          text.pixel_size() > WireLimits::kMaxPixelSize) {
        return ::testing::AssertionFailure()
               << "item " << index << " has pixel size " << text.pixel_size();
      }
      return checkRect(text.rect(), index);
    }
    case wire::DisplayItem::kLink:
      if (item.link().href().empty() || item.link().href().size() > WireLimits::kMaxUrlBytes) {
        return ::testing::AssertionFailure() << "item " << index << " has a bad href";
      }
      return checkRect(item.link().rect(), index);
    case wire::DisplayItem::kImage: {
      const auto& image = item.image();
      if (image.width() <= 0 || image.height() <= 0 || image.width() > WireLimits::kMaxImageSide ||
          image.height() > WireLimits::kMaxImageSide ||
          image.rgba().size() != static_cast<size_t>(image.width()) * image.height() * 4) {
        return ::testing::AssertionFailure() << "item " << index << " is a bad image";
      }
      return checkRect(image.rect(), index);
    }
    case wire::DisplayItem::kPlugin: {
      // What the browser's validator accepts (box ids are checked for uniqueness per list).
      const auto& plugin = item.plugin();
      if (!ipc::isKnownPluginType(plugin.type()) || plugin.box_id() == 0 ||
          plugin.rect().width() < 1 || plugin.rect().height() < 1 ||
          plugin.rect().width() > WireLimits::kMaxPluginBoxSide ||
          plugin.rect().height() > WireLimits::kMaxPluginBoxSide) {
        return ::testing::AssertionFailure() << "item " << index << " is a bad plugin box";
      }
      return checkRect(plugin.rect(), index);
    }
    case wire::DisplayItem::ITEM_NOT_SET:
      break;
  }
  return ::testing::AssertionFailure() << "item " << index << " is empty";
}

}  // namespace

::testing::AssertionResult respectsWireLimits(const wire::DisplayList& list) {
  if (static_cast<size_t>(list.items_size()) > WireLimits::kMaxDisplayItems) {
    return ::testing::AssertionFailure() << list.items_size() << " items";
  }
  if (list.title().size() > WireLimits::kMaxTitleBytes) {
    return ::testing::AssertionFailure() << "title of " << list.title().size() << " bytes";
  }
  if (list.content_height() < 0 || list.content_height() > WireLimits::kMaxContentHeight) {
    return ::testing::AssertionFailure() << "content height " << list.content_height();
  }
  if (list.scroll_y() < 0 || list.scroll_y() > list.content_height()) {
    return ::testing::AssertionFailure() << "scroll_y " << list.scroll_y();
  }
  // Serializing checks that every string is valid UTF-8 the way the browser's parse will.
  wire::DisplayList reparsed;
  if (!reparsed.ParseFromString(list.SerializeAsString())) {
    return ::testing::AssertionFailure() << "the list does not survive a round trip (bad UTF-8?)";
  }
  std::set<uint32_t> box_ids;
  for (int i = 0; i < list.items_size(); ++i) {
    if (auto result = checkItem(list.items(i), i); !result) return result;
    if (list.items(i).has_plugin() && !box_ids.insert(list.items(i).plugin().box_id()).second) {
      return ::testing::AssertionFailure() << "item " << i << " repeats a plugin box id";
    }
    if (box_ids.size() > static_cast<size_t>(WireLimits::kMaxPluginBoxes)) {
      return ::testing::AssertionFailure() << box_ids.size() << " plugin boxes";
    }
  }
  return ::testing::AssertionSuccess();
}

std::string allText(const wire::DisplayList& list) {
  std::string text;
  for (const auto& item : list.items()) {
    if (item.has_text()) text += item.text().text() + "\n";
  }
  return text;
}

const wire::LinkArea* findLink(const wire::DisplayList& list, std::string_view href) {
  for (const auto& item : list.items()) {
    if (item.has_link() && item.link().href() == href) return &item.link();
  }
  return nullptr;
}

std::vector<std::string> hrefs(const wire::DisplayList& list) {
  std::vector<std::string> out;
  for (const auto& item : list.items()) {
    if (item.has_link()) out.push_back(item.link().href());
  }
  return out;
}

}  // namespace sb::renderer::testing
