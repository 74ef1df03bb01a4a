#pragma once

#include <cstdint>

namespace sb {

// SplitMix64: a tiny generator whose sequence is fixed by its seed, so generated pages and plugin
// animations are the same on every run (std:: distributions are not specified exactly, so they
// could differ between standard libraries).
class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform enough in [low, high] for picking words and colours.
  int between(int low, int high) {
    return low + static_cast<int>(next() % static_cast<uint64_t>(high - low + 1));
  }
  // In [0, 1).
  double unit() { return static_cast<double>(next() >> 11) / static_cast<double>(1ull << 53); }

 private:
  uint64_t state_;
};

}  // namespace sb
