#include "apps/tools/ipcbench/kind_run.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <numeric>

#include "apps/tools/ipcbench/peer.h"
#include "common/base/clock.h"
#include "common/base/percentile.h"

namespace sb::ipcbench {
namespace {

constexpr size_t kMaxCount = 2'000'000;

size_t calibrated(double seconds_per_item, double budget_seconds, size_t minimum) {
  if (seconds_per_item <= 0) return minimum;
  return std::clamp(static_cast<size_t>(budget_seconds / seconds_per_item), minimum, kMaxCount);
}

// Drives one kind's parent side; any failure is returned as a message, with the peer stopped.
class Runner {
 public:
  Runner(Endpoint& end, Peer& peer) : end_(end), peer_(peer) {}

  struct Phase {
    std::vector<double> samples_us;  // ping-pong only
    double seconds = 0;
    Direction to_peer;
    Direction from_peer;
  };

  std::string pingPong(size_t bytes, size_t trips, Phase& phase) {
    if (!peer_.begin({Command::kPingPong, 0, bytes, trips})) return "peer did not take the command";
    std::vector<uint8_t> out(bytes), in(bytes);
    fillPattern(out.data(), bytes);
    phase.samples_us.reserve(trips);
    const uint64_t begin = monotonicNowNs();
    for (size_t i = 0; i < trips; ++i) {
      stampMessage(out.data(), bytes, i);
      const uint64_t start = monotonicNowNs();
      if (!end_.send(out.data(), bytes) || !end_.receive(in.data(), bytes)) return failed("round trip", i);
      phase.samples_us.push_back(static_cast<double>(monotonicNowNs() - start) / 1000.0);
      phase.to_peer.sent.add(out.data(), bytes);
      phase.from_peer.received.add(in.data(), bytes);
    }
    phase.seconds = static_cast<double>(monotonicNowNs() - begin) / 1e9;
    return collect(phase);
  }

  std::string stream(size_t bytes, size_t messages, Phase& phase) {
    if (!peer_.begin({Command::kStream, 0, bytes, messages})) return "peer did not take the command";
    std::vector<uint8_t> out(bytes);
    fillPattern(out.data(), bytes);
    const uint64_t start = monotonicNowNs();
    for (size_t i = 0; i < messages; ++i) {
      stampMessage(out.data(), bytes, i);
      if (!end_.send(out.data(), bytes)) return failed("send", i);
    }
    uint64_t ack = 0;
    if (!end_.receive(reinterpret_cast<uint8_t*>(&ack), sizeof ack) || ack != messages) {
      return failed("acknowledgement", messages);
    }
    phase.seconds = static_cast<double>(monotonicNowNs() - start) / 1e9;
    // What we sent, summed again off the clock: the same stamps give the same bytes.
    for (size_t i = 0; i < messages; ++i) {
      stampMessage(out.data(), bytes, i);
      phase.to_peer.sent.add(out.data(), bytes);
    }
    return collect(phase);
  }

 private:
  std::string failed(const char* what, size_t index) {
    const std::string why = std::string(what) + " " + std::to_string(index) + ": " +
                            (errno ? std::strerror(errno) : "peer closed the connection");
    peer_.abandon();
    return why;
  }

  // The peer's own count of what it received and sent, which must match ours exactly.
  std::string collect(Phase& phase) {
    auto report = peer_.finish();
    if (!report) return "peer exited without a report";
    if (!report->ok) return std::string("peer failed: ") + std::strerror(report->error);
    phase.to_peer.received = report->received;
    phase.from_peer.sent = report->sent;
    if (!(phase.to_peer.sent == phase.to_peer.received)) return "bytes to the peer differ (checksum)";
    if (!(phase.from_peer.sent == phase.from_peer.received)) return "bytes from the peer differ (checksum)";
    return {};
  }

  Endpoint& end_;
  Peer& peer_;
};

void merge(Direction& into, const Direction& later) {
  into.sent.merge(later.sent);
  into.received.merge(later.received);
}

std::string measureSize(Runner& runner, const Budget& budget, KindResult& row) {
  Runner::Phase warm;
  if (auto error = runner.pingPong(row.bytes, budget.warmup, warm); !error.empty()) return error;
  const double trip_seconds = warm.seconds / static_cast<double>(budget.warmup);
  Runner::Phase trips;
  row.round_trips = calibrated(trip_seconds, budget.seconds_per_phase, budget.min_round_trips);
  if (auto error = runner.pingPong(row.bytes, row.round_trips, trips); !error.empty()) return error;
  row.p50_us = nearestRankPercentile(trips.samples_us, 0.50);
  row.p99_us = nearestRankPercentile(trips.samples_us, 0.99);
  row.mean_us = std::accumulate(trips.samples_us.begin(), trips.samples_us.end(), 0.0) /
                static_cast<double>(trips.samples_us.size());

  Runner::Phase warm_stream;
  if (auto error = runner.stream(row.bytes, budget.warmup, warm_stream); !error.empty()) return error;
  Runner::Phase stream;
  row.messages = calibrated(warm_stream.seconds / static_cast<double>(budget.warmup),
                            budget.seconds_per_phase, budget.min_messages);
  if (auto error = runner.stream(row.bytes, row.messages, stream); !error.empty()) return error;
  row.seconds = stream.seconds;
  row.mib_per_s = static_cast<double>(row.messages * row.bytes) / (1024.0 * 1024.0) / stream.seconds;

  row.to_peer = trips.to_peer;
  row.from_peer = trips.from_peer;
  merge(row.to_peer, stream.to_peer);
  merge(row.from_peer, stream.from_peer);
  return {};
}

}  // namespace

std::vector<KindResult> runKind(const Kind& kind, const std::vector<size_t>& sizes, const Budget& budget,
                                std::string& note) {
  std::vector<KindResult> rows(sizes.size());
  EndpointPair pair = kind.open();
  for (size_t i = 0; i < sizes.size(); ++i) {
    rows[i].kind = kind.name;
    rows[i].label = kind.label;
    rows[i].bytes = sizes[i];
    rows[i].in_process = pair.peer == PeerKind::kThread;
    rows[i].chunk_bytes = pair.chunk_bytes;
    rows[i].error = pair.error;
  }
  note = pair.note;
  if (!pair.error.empty()) return rows;
  std::string error;
  auto peer = Peer::start(pair, error);
  if (!peer) {
    for (auto& row : rows) row.error = error;
    return rows;
  }
  Runner runner(*pair.parent, *peer);
  for (auto& row : rows) {
    // After a failure the peer is gone; the remaining sizes report the same reason.
    if (error.empty()) error = measureSize(runner, budget, row);
    row.error = error;
    row.ok = error.empty();
  }
  peer.reset();  // waits for the peer before its endpoint closes
  return rows;
}

}  // namespace sb::ipcbench
