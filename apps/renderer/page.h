#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sandbrowser.pb.h"

namespace sb::renderer {

// What a page is laid out for.
struct LayoutRequest {
  int viewport_width = 0;
  int viewport_height = 0;
  uint64_t frame_number = 0;  // the number the resulting list will carry
};

// A laid-out page in page coordinates; the tab scrolls, culls and fits it to the wire limits.
struct PageLayout {
  std::string title;
  uint32_t background_argb = 0xFFFFFFFF;
  int content_height = 0;
  std::vector<wire::DisplayItem> items;
};

// Whether an event changed what the page shows.
enum class Change { kNone, kRepaint };

// One page in one tab. Pages never send anything themselves: the tab asks them for a layout
// whenever it paints, and they ask the tab to paint through their PageServices.
class Page {
 public:
  virtual ~Page() = default;

  virtual PageLayout layout(const LayoutRequest& request) = 0;
  // Called once, after the first list of the navigation was sent: timers start and faults happen
  // here, so the person sees the page before it acts.
  virtual void start() {}
  // A click that hit no link, in page coordinates.
  virtual Change click(int /*x*/, int /*y*/) { return Change::kNone; }
  virtual Change key(const wire::KeyInput& /*key*/) { return Change::kNone; }
  // The browser's IPC lab reports; only demo://ipc-lab asks for them.
  virtual Change ipcLabReport(const wire::IpcLabReport& /*report*/) { return Change::kNone; }
  // A plugin of this page calls it (demo://deadlock). The answer, or nullopt for a page that
  // answers no calls; `change` says whether the page shows something new.
  struct CallAnswer {
    std::optional<std::string> answer;
    Change change = Change::kNone;
  };
  virtual CallAnswer answerCall(const wire::Call& /*call*/) { return {}; }
  // The reply to a non-blocking call this page made.
  virtual Change callReply(const wire::CallReply& /*reply*/) { return Change::kNone; }
};

}  // namespace sb::renderer
