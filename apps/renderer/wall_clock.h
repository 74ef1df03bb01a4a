#pragma once

namespace sb::renderer {

// Local wall-clock time, already split up: what demo://clock shows.
struct WallTime {
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millisecond = 0;
};

// Injected so tests can pick the time.
class WallClock {
 public:
  virtual ~WallClock() = default;
  virtual WallTime now() const = 0;
};

}  // namespace sb::renderer
