#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace sb {

// Nearest-rank percentile (`p` from 0 to 1): the smallest sample that at least p of the samples
// do not exceed; 0 for no samples. The one definition every benchmark and report here uses.
inline double nearestRankPercentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(samples.size())));
  return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

}  // namespace sb
