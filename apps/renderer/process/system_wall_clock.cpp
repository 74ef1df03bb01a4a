#include "apps/renderer/process/system_wall_clock.h"

#include <time.h>

namespace sb::renderer {

WallTime SystemWallClock::now() const {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  tm local{};
  ::localtime_r(&ts.tv_sec, &local);
  return WallTime{local.tm_hour, local.tm_min, local.tm_sec,
                  static_cast<int>(ts.tv_nsec / 1'000'000)};
}

}  // namespace sb::renderer
