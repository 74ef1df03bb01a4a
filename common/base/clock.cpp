#include "common/base/clock.h"

#include <time.h>

namespace sb {
namespace {
uint64_t readClock(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ull + static_cast<uint64_t>(ts.tv_nsec);
}
}  // namespace

uint64_t monotonicNowNs() { return readClock(CLOCK_MONOTONIC); }
uint64_t wallNowNs() { return readClock(CLOCK_REALTIME); }

}  // namespace sb
