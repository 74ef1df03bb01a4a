#pragma once

#include <cstddef>
#include <cstdint>

namespace sb::ipcbench {

// Bytes and a running checksum of every message one side sent or received. Position-sensitive
// within a message and order-sensitive across messages, so a lost, repeated, reordered or torn
// piece shows; cheap enough (one add and xor per 8 bytes) not to dominate the measurement.
struct Tally {
  uint64_t bytes = 0;
  uint64_t checksum = 0;

  void add(const uint8_t* data, size_t size);
  // Folds a later phase in, the same way on both sides, so merged tallies still compare equal.
  void merge(const Tally& later);
  bool operator==(const Tally&) const = default;
};

// Fills a message body with a pattern, then stamps message `number` into its first and last bytes
// so consecutive messages differ without rewriting the whole body.
void fillPattern(uint8_t* data, size_t size);
void stampMessage(uint8_t* data, size_t size, uint64_t number);

}  // namespace sb::ipcbench
