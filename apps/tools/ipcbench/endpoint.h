#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace sb::ipcbench {

// One side of a two-way transport between the benchmark and its peer. A run uses one message size
// known to both sides, so receive() fills exactly `size` bytes; transports with a per-message cap
// (POSIX mqueue, seqpacket) split a message into pieces and put it back together. Both calls block
// and return false with errno set on failure.
class Endpoint {
 public:
  virtual ~Endpoint() = default;
  virtual bool send(const uint8_t* data, size_t size) = 0;
  virtual bool receive(uint8_t* data, size_t size) = 0;
  // Wakes and fails any blocked call on either side. Only in-process peers need it: a forked peer
  // is killed instead, which its descriptors report as end of file.
  virtual void abort() {}
};

enum class PeerKind { kForkedProcess, kThread };

// Both ends, opened before the fork (or the thread start) so neither side has to rendezvous.
struct EndpointPair {
  std::unique_ptr<Endpoint> parent;
  std::unique_ptr<Endpoint> child;
  PeerKind peer = PeerKind::kForkedProcess;
  size_t chunk_bytes = 0;  // the largest piece it carries at once; 0 when whole messages fit
  std::string note;        // why it chunks, shown under the table
  std::string error;       // set when it could not be opened
};

}  // namespace sb::ipcbench
