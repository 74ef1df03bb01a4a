#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sb::ipcbench {

struct LatencyResult {
  std::string transport;
  size_t bytes = 0;
  size_t round_trips = 0;
  double p50_us = 0;
  double p99_us = 0;
  double mean_us = 0;
};

// Round trips of `bytes`-sized bodies between this process and a forked child.
LatencyResult measureChannelPingPong(size_t bytes, size_t round_trips);
LatencyResult measureRawSocketpair(size_t bytes, size_t round_trips);

}  // namespace sb::ipcbench
