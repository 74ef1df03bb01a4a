#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <thread>

#include "apps/tools/ipcbench/checksum.h"
#include "apps/tools/ipcbench/endpoint.h"
#include "common/base/unique_fd.h"

namespace sb::ipcbench {

// What the peer does next, sent over a control pipe that is not the transport under test.
struct Command {
  enum Phase : uint32_t { kPingPong = 1, kStream = 2, kQuit = 3 };
  uint32_t phase = kQuit;
  uint32_t reserved = 0;
  uint64_t bytes = 0;  // per message
  uint64_t count = 0;  // round trips or messages
};

// What the peer saw during one phase, back over a report pipe.
struct PhaseReport {
  uint32_t ok = 0;
  int32_t error = 0;  // errno of the failing call
  Tally received;
  Tally sent;
};

// The far side of a measurement: a forked child for process kinds, a thread for the in-process
// kind. Either way it serves Commands with the pair's child endpoint until told to quit.
class Peer {
 public:
  ~Peer();
  // Takes pair.child; pair.parent stays the caller's side (and is closed in a forked child).
  static std::unique_ptr<Peer> start(EndpointPair& pair, std::string& error);

  bool begin(const Command& command);
  std::optional<PhaseReport> finish();
  // After a failure on our side: stops the peer at once (kills the child, aborts the thread's waits).
  void abandon();

 private:
  Peer() = default;

  Endpoint* parent_end_ = nullptr;
  UniqueFd commands_;  // our write end
  UniqueFd reports_;   // our read end
  pid_t pid_ = -1;
  std::thread thread_;
  std::unique_ptr<Endpoint> thread_end_;
};

}  // namespace sb::ipcbench
