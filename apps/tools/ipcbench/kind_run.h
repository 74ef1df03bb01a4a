#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "apps/tools/ipcbench/checksum.h"
#include "apps/tools/ipcbench/kinds.h"

namespace sb::ipcbench {

// How long each measurement runs: counts are calibrated from a short warm-up so that every kind
// and size takes about `seconds_per_phase`, bounded below for a usable p99.
struct Budget {
  double seconds_per_phase = 0.3;
  size_t min_round_trips = 200;
  size_t min_messages = 50;
  size_t warmup = 10;
};

// Bytes and checksums of one direction, as the sender and as the receiver counted them.
struct Direction {
  Tally sent;
  Tally received;
};

struct KindResult {
  std::string kind;
  std::string label;
  bool in_process = false;
  size_t bytes = 0;
  size_t chunk_bytes = 0;
  // Ping-pong: the parent sends, the peer echoes.
  size_t round_trips = 0;
  double p50_us = 0;
  double p99_us = 0;
  double mean_us = 0;
  // One way, parent to peer, until the peer acknowledges the last message.
  size_t messages = 0;
  double seconds = 0;
  double mib_per_s = 0;
  // Payload of both measured phases (warm-ups and the acknowledgement left out).
  Direction to_peer;
  Direction from_peer;
  bool ok = false;
  std::string error;
};

// Opens the kind once, starts its peer and measures every size; one result per size, each with
// ok == false and the reason if the kind could not run or any byte went missing.
std::vector<KindResult> runKind(const Kind& kind, const std::vector<size_t>& sizes, const Budget& budget,
                                std::string& note);

}  // namespace sb::ipcbench
