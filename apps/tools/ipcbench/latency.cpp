#include "apps/tools/ipcbench/latency.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>

#include "apps/tools/ipcbench/fd_io.h"
#include "common/base/clock.h"
#include "common/base/percentile.h"
#include "common/ipc/channel.h"

namespace sb::ipcbench {
namespace {

LatencyResult summarize(std::string transport, size_t bytes, const std::vector<double>& samples_us) {
  LatencyResult result;
  result.transport = std::move(transport);
  result.bytes = bytes;
  result.round_trips = samples_us.size();
  result.p50_us = nearestRankPercentile(samples_us, 0.50);
  result.p99_us = nearestRankPercentile(samples_us, 0.99);
  result.mean_us = std::accumulate(samples_us.begin(), samples_us.end(), 0.0) / samples_us.size();
  return result;
}

// Waits until the channel has a message, flushing our own queued bytes meanwhile.
std::optional<ipc::Message> receiveOne(ipc::Channel& channel) {
  while (channel.isOpen()) {
    auto result = channel.readAvailable();
    if (!result.messages.empty()) return std::move(result.messages.front());
    if (result.error) return std::nullopt;
    pollfd pfd{channel.fd(), static_cast<short>(POLLIN | (channel.hasPendingWrites() ? POLLOUT : 0)), 0};
    ::poll(&pfd, 1, -1);
    if (pfd.revents & POLLOUT) channel.handleWritable();
  }
  return std::nullopt;
}

void channelEchoChild(int fd) {
  ipc::Channel channel{UniqueFd(fd)};
  while (auto message = receiveOne(channel)) {
    if (message->envelope.has_shutdown()) break;
    wire::Envelope reply;
    reply.set_reply_to(message->envelope.seq());
    reply.mutable_pong()->set_payload(std::move(*message->envelope.mutable_ping()->mutable_payload()));
    if (channel.send(reply)) break;
    if (!channel.flushBlocking(10000)) break;
  }
  ::_exit(0);
}

struct Pair {
  int parent;
  int child;
};

Pair makePair(bool nonblocking) {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0, fds) != 0) {
    std::perror("socketpair");
    std::exit(1);
  }
  return {fds[0], fds[1]};
}

}  // namespace

LatencyResult measureChannelPingPong(size_t bytes, size_t round_trips) {
  Pair pair = makePair(true);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(pair.parent);
    channelEchoChild(pair.child);
  }
  ::close(pair.child);
  ipc::Channel channel{UniqueFd(pair.parent)};
  const std::string payload(bytes, 'x');
  std::vector<double> samples;
  samples.reserve(round_trips);
  const size_t warmup = std::min<size_t>(round_trips / 10 + 1, 100);
  for (size_t i = 0; i < round_trips + warmup; ++i) {
    wire::Envelope ping;
    ping.mutable_ping()->set_payload(payload);
    const uint64_t start = monotonicNowNs();
    if (channel.send(ping)) break;
    auto pong = receiveOne(channel);
    const uint64_t end = monotonicNowNs();
    if (!pong || pong->envelope.reply_to() != ping.seq() || pong->envelope.pong().payload().size() != bytes) {
      std::fprintf(stderr, "channel round trip %zu failed\n", i);
      break;
    }
    if (i >= warmup) samples.push_back(static_cast<double>(end - start) / 1000.0);
  }
  wire::Envelope stop;
  stop.mutable_shutdown();
  channel.send(stop);
  channel.flushBlocking(1000);
  channel.close();
  ::waitpid(pid, nullptr, 0);
  return summarize("Channel (Protobuf Ping/Pong)", bytes, samples);
}

LatencyResult measureRawSocketpair(size_t bytes, size_t round_trips) {
  Pair pair = makePair(false);
  const size_t warmup = std::min<size_t>(round_trips / 10 + 1, 100);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(pair.parent);
    std::vector<char> buffer(bytes);
    for (size_t i = 0; i < round_trips + warmup; ++i) {
      if (!readFull(pair.child, buffer.data(), bytes) || !writeFull(pair.child, buffer.data(), bytes)) break;
    }
    ::_exit(0);
  }
  ::close(pair.child);
  std::vector<char> buffer(bytes, 'x');
  std::vector<double> samples;
  samples.reserve(round_trips);
  for (size_t i = 0; i < round_trips + warmup; ++i) {
    const uint64_t start = monotonicNowNs();
    // A writer thread is not needed: the child reads while we write, so large bodies do not
    // deadlock on a full socket buffer.
    if (!writeFull(pair.parent, buffer.data(), bytes) || !readFull(pair.parent, buffer.data(), bytes)) break;
    const uint64_t end = monotonicNowNs();
    if (i >= warmup) samples.push_back(static_cast<double>(end - start) / 1000.0);
  }
  ::close(pair.parent);
  ::waitpid(pid, nullptr, 0);
  return summarize("raw socketpair write/read", bytes, samples);
}

}  // namespace sb::ipcbench
