#pragma once

#include <functional>

#include "apps/renderer/fault_actions.h"
#include "apps/renderer/scheduler.h"
#include "apps/renderer/wall_clock.h"

namespace sb::renderer {

// What a page may use. `repaint` asks the page's tab to lay out and send a new list.
struct PageServices {
  Scheduler& scheduler;
  FaultActions& faults;
  const WallClock& clock;
  int pid;
  std::function<void()> repaint;
};

}  // namespace sb::renderer
