#pragma once

#include <string>
#include <vector>

#include "apps/tools/ipcbench/kind_run.h"

namespace sb::ipcbench {

// Per size, each row's ratio to the fastest row of that size: p50 / lowest p50, and highest
// throughput / this throughput, so 1.00 is the fastest and 3.00 is three times slower.
struct Ratios {
  double latency = 0;
  double throughput = 0;
};
std::vector<Ratios> ratiosToFastest(const std::vector<KindResult>& rows);

// The table, grouped by size, with the kinds' notes (chunking) under it.
void printKindTable(const std::vector<KindResult>& rows, const std::vector<std::string>& notes);
// One JSON object per line, per kind and size.
void printKindJson(const std::vector<KindResult>& rows, const std::vector<std::string>& notes);

}  // namespace sb::ipcbench
