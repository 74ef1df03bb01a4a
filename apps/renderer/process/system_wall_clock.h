#pragma once

#include "apps/renderer/wall_clock.h"

namespace sb::renderer {

// The machine's local time (CLOCK_REALTIME in the process's time zone).
class SystemWallClock final : public WallClock {
 public:
  WallTime now() const override;
};

}  // namespace sb::renderer
