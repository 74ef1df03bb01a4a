#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace sb::browser {

// The items of a bounded log whose `index` is greater than `since_index`, oldest first, at most
// `limit`. Indexes in the log are consecutive, so the first wanted position is computed, not searched.
template <typename Item>
std::vector<Item> itemsSince(const std::deque<Item>& items, uint64_t since_index, size_t limit) {
  std::vector<Item> out;
  if (items.empty()) return out;
  const uint64_t first_index = items.front().index;
  const size_t start = since_index + 1 > first_index ? static_cast<size_t>(since_index + 1 - first_index) : 0;
  for (size_t i = start; i < items.size() && out.size() < limit; ++i) out.push_back(items[i]);
  return out;
}

}  // namespace sb::browser
