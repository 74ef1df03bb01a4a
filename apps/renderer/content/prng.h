#pragma once

#include <cstdint>
#include <string_view>

#include "common/base/seeded_random.h"

namespace sb::renderer {

// FNV-1a, 64 bit: a stable hash of a URL, the same on every run and every machine.
constexpr uint64_t stableHash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

}  // namespace sb::renderer
