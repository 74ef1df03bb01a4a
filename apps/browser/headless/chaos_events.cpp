#include "apps/browser/headless/chaos_events.h"

#include <array>
#include <numeric>

#include "common/base/seeded_random.h"

namespace sb::browser {
namespace {

// Weighted towards what breaks things, with enough reloads and ordinary pages that most tabs are
// live most of the time: a soak in which everything is already dead tests nothing.
constexpr std::array kEvents = {
    ChaosEventInfo{ChaosEvent::kSignal, "signal", 16},
    ChaosEventInfo{ChaosEvent::kStop, "stop, then continue", 5},
    ChaosEventInfo{ChaosEvent::kDebugFault, "debug fault", 7},
    ChaosEventInfo{ChaosEvent::kFaultPage, "fault page", 8},
    ChaosEventInfo{ChaosEvent::kBadIpcPage, "bad-IPC page", 6},
    ChaosEventInfo{ChaosEvent::kLeakPage, "leak page", 2},
    ChaosEventInfo{ChaosEvent::kNavigate, "navigate", 12},
    ChaosEventInfo{ChaosEvent::kHistory, "back or forward", 4},
    ChaosEventInfo{ChaosEvent::kReload, "reload", 14},
    ChaosEventInfo{ChaosEvent::kOpenClose, "open or close tab", 6},
    ChaosEventInfo{ChaosEvent::kNavigationFlood, "navigation flood", 3},
    ChaosEventInfo{ChaosEvent::kInputFlood, "input flood", 4},
    ChaosEventInfo{ChaosEvent::kResize, "resize", 3},
    ChaosEventInfo{ChaosEvent::kControl, "control request", 10},
    ChaosEventInfo{ChaosEvent::kRecover, "recover GPU, plugin or hang", 3},
    ChaosEventInfo{ChaosEvent::kCalls, "deadlock page calls", 3},
};

}  // namespace

std::span<const ChaosEventInfo> chaosEvents() { return kEvents; }

const char* chaosEventName(ChaosEvent event) {
  for (const ChaosEventInfo& info : kEvents) {
    if (info.event == event) return info.name;
  }
  return "unknown";
}

ChaosEvent pickChaosEvent(SeededRandom& random) {
  const int total = std::accumulate(kEvents.begin(), kEvents.end(), 0,
                                    [](int sum, const ChaosEventInfo& info) { return sum + info.weight; });
  int pick = random.between(0, total - 1);
  for (const ChaosEventInfo& info : kEvents) {
    if (pick < info.weight) return info.event;
    pick -= info.weight;
  }
  return kEvents.back().event;
}

}  // namespace sb::browser
