#include "apps/tools/ipcbench/checksum.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace sb::ipcbench {

void Tally::add(const uint8_t* data, size_t size) {
  uint64_t sum = 0;
  size_t i = 0;
  // Word index xor-ed in makes the sum depend on where each word sits; the loop vectorises.
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    sum += word ^ (i * 0x9e3779b97f4a7c15ull);
  }
  for (; i < size; ++i) sum += static_cast<uint64_t>(data[i]) << (8 * (i % 8));
  bytes += size;
  checksum = std::rotl(checksum, 7) ^ (sum + size);
}

void Tally::merge(const Tally& later) {
  bytes += later.bytes;
  checksum = std::rotl(checksum, 13) ^ later.checksum;
}

void fillPattern(uint8_t* data, size_t size) {
  for (size_t i = 0; i < size; ++i) data[i] = static_cast<uint8_t>(i * 131 + (i >> 8) * 7 + 1);
}

void stampMessage(uint8_t* data, size_t size, uint64_t number) {
  const size_t head = std::min<size_t>(size, 8);
  std::memcpy(data, &number, head);
  if (size >= 16) std::memcpy(data + size - 8, &number, 8);
}

}  // namespace sb::ipcbench
