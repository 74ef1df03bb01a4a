#include "apps/tools/ipcbench/frame_pattern.h"

#include <cstring>

namespace sb::ipcbench {
namespace {

uint32_t seedOf(uint64_t frame_number) { return static_cast<uint32_t>(frame_number * 0x9E3779B1u); }

uint32_t pixelAt(const uint8_t* pixels, size_t index) {
  uint32_t value;
  std::memcpy(&value, pixels + index * 4, 4);
  return value;
}

}  // namespace

// memcpy for every access: the buffers are bytes (an mmap'd memfd, a protobuf string), and the
// compiler turns these into plain vectorised loads and stores.
void fillFrame(uint8_t* pixels, size_t bytes, uint64_t frame_number) {
  const uint32_t seed = seedOf(frame_number);
  const size_t count = bytes / 4;
  for (size_t i = 0; i < count; ++i) {
    const uint32_t value = seed + static_cast<uint32_t>(i);
    std::memcpy(pixels + i * 4, &value, 4);
  }
}

ConsumedFrame consumeFrame(const uint8_t* pixels, size_t bytes, uint64_t frame_number) {
  ConsumedFrame result;
  const size_t words = bytes / 8;
  uint64_t sum = 0;
  for (size_t i = 0; i < words; ++i) {
    uint64_t word;
    std::memcpy(&word, pixels + i * 8, 8);
    sum += word;
  }
  result.checksum = sum;
  const size_t count = bytes / 4;
  const uint32_t seed = seedOf(frame_number);
  result.is_frame = count > 0 && pixelAt(pixels, 0) == seed &&
                    pixelAt(pixels, count - 1) == seed + static_cast<uint32_t>(count - 1);
  return result;
}

}  // namespace sb::ipcbench
