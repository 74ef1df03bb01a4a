#pragma once

#include <cstdint>

namespace sb {

// CLOCK_MONOTONIC in nanoseconds. The same clock in every process on the host, so a sent_ns from
// a child can be subtracted from a receive time in the browser.
uint64_t monotonicNowNs();

// CLOCK_REALTIME in nanoseconds, for log records shown to a person.
uint64_t wallNowNs();

}  // namespace sb
