#include "apps/tools/ipcbench/frame_transport.h"

#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <variant>

#include "apps/tools/ipcbench/frame_pattern.h"
#include "apps/tools/ipcbench/message_pump.h"
#include "common/base/clock.h"
#include "common/base/shared_memory.h"
#include "common/ipc/channel.h"

// The frame protocol follows the GPU process's buffer-ownership rule (proto/sandbrowser.proto):
// the producer owns both buffers at first and writes only into one it owns; a frame message hands
// that buffer to the consumer, which hands it back with ReleaseBuffer after reading it. Frame n
// uses buffer n % 2, so at most two frames are in flight and the producer can fill the next
// buffer while the consumer reads the previous one.
//
// The inline transport keeps exactly that protocol (same messages back, same two frames in
// flight, same producer and consumer work); the only difference is where the pixels travel.
//
// Why a DisplayList with one Image rather than a Ping payload: it is the message a renderer would
// really put pixels in, it carries the frame number and size as FrameReady does, and its cost is
// the same as Ping's (one length-delimited bytes field: memcpy out on serialise, memcpy in on
// parse), so nothing is made to look worse than it is. The browser's validator limits images to
// 256x256; this benchmark bypasses the validator on purpose, as an inline design would have to.
namespace sb::ipcbench {
namespace {

constexpr uint32_t kBufferCount = 2;
constexpr uint32_t kSurfaceId = 1;
constexpr int kFlushTimeoutMs = 10000;

// Exit codes of the producer, so a failure in the child is reported by the parent.
enum ProducerExit { kProducerOk = 0, kProducerSetup = 10, kProducerChannel = 11, kProducerProtocol = 12 };

wire::Rect fullFrame() {
  wire::Rect rect;
  rect.set_width(kFrameWidth);
  rect.set_height(kFrameHeight);
  return rect;
}

// Takes releases until `buffer` is ours again.
bool waitForBuffer(MessagePump& pump, bool (&owned)[kBufferCount], uint32_t buffer) {
  while (!owned[buffer]) {
    auto message = pump.next();
    if (!message) return false;
    if (!message->envelope.has_release_buffer()) continue;
    const uint32_t index = message->envelope.release_buffer().buffer_index();
    if (index >= kBufferCount || owned[index]) ::_exit(kProducerProtocol);  // released twice
    owned[index] = true;
  }
  return true;
}

// The producer process: fills frames 1..total and hands each over; waits for Shutdown at the end.
[[noreturn]] void runProducer(int socket_fd, FrameTransport transport, size_t total) {
  ipc::Channel channel{UniqueFd(socket_fd)};
  MessagePump pump(channel);
  bool owned[kBufferCount] = {true, true};

  SharedMemory surface;
  wire::Envelope inline_frame;  // reused: its pixel string is filled in place, no extra copy
  uint8_t* inline_pixels = nullptr;
  if (transport == FrameTransport::kSharedMemory) {
    // Created here, in the producer, so the consumer can reach it only through the fd it is sent.
    auto created = SharedMemory::create("sb-ipcbench-surface", kBufferCount * kFrameBytes);
    if (auto* error = std::get_if<std::string>(&created)) {
      std::fprintf(stderr, "producer: %s\n", error->c_str());
      ::_exit(kProducerSetup);
    }
    surface = std::move(std::get<SharedMemory>(created));
    wire::Envelope announce;
    auto* created_msg = announce.mutable_surface_created();
    created_msg->set_surface_id(kSurfaceId);
    created_msg->set_width(kFrameWidth);
    created_msg->set_height(kFrameHeight);
    created_msg->set_stride(kFrameStride);
    created_msg->set_buffer_count(kBufferCount);
    const int fds[] = {surface.fd()};
    if (channel.send(announce, fds) || !channel.flushBlocking(kFlushTimeoutMs)) ::_exit(kProducerChannel);
    surface.closeFd();  // the consumer has its own; the mapping stays
  } else {
    auto* list = inline_frame.mutable_display_list();
    auto* image = list->add_items()->mutable_image();
    *image->mutable_rect() = fullFrame();
    image->set_width(kFrameWidth);
    image->set_height(kFrameHeight);
    std::string* rgba = image->mutable_rgba();
    rgba->resize(kFrameBytes);
    inline_pixels = reinterpret_cast<uint8_t*>(rgba->data());
  }

  for (uint64_t frame = 1; frame <= total; ++frame) {
    const uint32_t buffer = static_cast<uint32_t>(frame % kBufferCount);
    if (!waitForBuffer(pump, owned, buffer)) ::_exit(kProducerChannel);
    owned[buffer] = false;
    std::optional<ipc::ChannelError> error;
    if (transport == FrameTransport::kSharedMemory) {
      fillFrame(surface.writableData() + buffer * kFrameBytes, kFrameBytes, frame);
      wire::Envelope ready;
      auto* body = ready.mutable_frame_ready();
      body->set_surface_id(kSurfaceId);
      body->set_buffer_index(buffer);
      *body->mutable_damage() = fullFrame();
      body->set_frame_number(frame);
      error = channel.send(ready);
    } else {
      fillFrame(inline_pixels, kFrameBytes, frame);
      inline_frame.mutable_display_list()->set_frame_number(frame);
      error = channel.send(inline_frame);
    }
    // Push the frame out now rather than start on the next one with most of it still queued (a
    // 4 MB frame does not fit the socket buffer). For a FrameReady this is a no-op.
    if (error || !channel.flushBlocking(kFlushTimeoutMs)) ::_exit(kProducerChannel);
  }
  while (auto message = pump.next()) {
    if (message->envelope.has_shutdown()) ::_exit(kProducerOk);
  }
  ::_exit(kProducerChannel);
}

uint64_t cpuNs(clockid_t clock) {
  timespec ts{};
  if (::clock_gettime(clock, &ts) != 0) return 0;
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ull + static_cast<uint64_t>(ts.tv_nsec);
}

struct Snapshot {
  uint64_t wall_ns = 0;
  uint64_t consumer_cpu_ns = 0;
  uint64_t producer_cpu_ns = 0;
  uint64_t socket_bytes = 0;
};

// CPU time is read from both processes' CPU clocks at the edges of the measured frames.
// getrusage(RUSAGE_CHILDREN) would only count the producer once reaped, over its whole life:
// fork, memfd set-up, first-touch page faults and the warm-up frames included.
Snapshot snapshot(const ipc::Channel& channel, clockid_t producer_clock) {
  Snapshot s;
  s.wall_ns = monotonicNowNs();
  s.consumer_cpu_ns = cpuNs(CLOCK_PROCESS_CPUTIME_ID);
  s.producer_cpu_ns = cpuNs(producer_clock);
  s.socket_bytes = channel.stats().bytes_in + channel.stats().bytes_out;
  return s;
}

// Consumer side of one run; returns an error text or nothing.
std::optional<std::string> consume(ipc::Channel& channel, FrameTransport transport, size_t frames, size_t warmup,
                                   clockid_t producer_clock, FrameResult& result) {
  MessagePump pump(channel);
  SharedMemory surface;
  if (transport == FrameTransport::kSharedMemory) {
    auto message = pump.next();
    if (!message || !message->envelope.has_surface_created() || message->fds.size() != 1) {
      return std::string("expected SurfaceCreated with one memfd");
    }
    const auto& created = message->envelope.surface_created();
    if (created.width() != kFrameWidth || created.height() != kFrameHeight || created.stride() != kFrameStride ||
        created.buffer_count() != kBufferCount) {
      return std::string("SurfaceCreated with an unexpected geometry");
    }
    auto mapped = SharedMemory::mapReadOnly(std::move(message->fds[0]), kBufferCount * kFrameBytes);
    if (auto* error = std::get_if<std::string>(&mapped)) return "mapReadOnly: " + *error;
    surface = std::move(std::get<SharedMemory>(mapped));
  }

  uint64_t sink = 0;
  Snapshot start;
  const size_t total = warmup + frames;
  for (uint64_t frame = 1; frame <= total; ++frame) {
    if (frame == warmup + 1) start = snapshot(channel, producer_clock);
    auto message = pump.next();
    if (!message) return "channel closed before frame " + std::to_string(frame);
    const wire::Envelope& envelope = message->envelope;
    const uint8_t* pixels = nullptr;
    uint32_t buffer = 0;
    if (transport == FrameTransport::kSharedMemory) {
      if (!envelope.has_frame_ready()) return std::string("expected FrameReady");
      const auto& ready = envelope.frame_ready();
      buffer = ready.buffer_index();
      if (ready.frame_number() != frame || buffer != frame % kBufferCount) {
        return "FrameReady out of order or for the wrong buffer (frame " + std::to_string(frame) + ")";
      }
      pixels = surface.data() + buffer * kFrameBytes;
    } else {
      const auto& list = envelope.display_list();
      if (!envelope.has_display_list() || list.items_size() != 1 || !list.items(0).has_image() ||
          list.items(0).image().rgba().size() != kFrameBytes || list.frame_number() != frame) {
        return "expected a DisplayList with one full frame (frame " + std::to_string(frame) + ")";
      }
      buffer = static_cast<uint32_t>(frame % kBufferCount);
      pixels = reinterpret_cast<const uint8_t*>(list.items(0).image().rgba().data());
    }
    const ConsumedFrame consumed = consumeFrame(pixels, kFrameBytes, frame);
    if (!consumed.is_frame) return "frame " + std::to_string(frame) + " does not hold its pixels";
    sink += consumed.checksum;
    // Done reading: the buffer goes back to the producer.
    wire::Envelope release;
    release.mutable_release_buffer()->set_surface_id(kSurfaceId);
    release.mutable_release_buffer()->set_buffer_index(buffer);
    if (auto error = channel.send(release)) return "send ReleaseBuffer: " + error->describe();
  }
  const Snapshot end = snapshot(channel, producer_clock);
  const double n = static_cast<double>(frames);
  result.frames = frames;
  result.seconds = static_cast<double>(end.wall_ns - start.wall_ns) / 1e9;
  result.fps = result.seconds > 0 ? n / result.seconds : 0;
  result.consumer_cpu_us = static_cast<double>(end.consumer_cpu_ns - start.consumer_cpu_ns) / 1000.0 / n;
  result.producer_cpu_us = static_cast<double>(end.producer_cpu_ns - start.producer_cpu_ns) / 1000.0 / n;
  result.socket_bytes = static_cast<double>(end.socket_bytes - start.socket_bytes) / n;
  // Keeps the checksum loop from being optimised away.
  if (sink == 0x5eed) std::fputc(' ', stderr);
  return std::nullopt;
}

}  // namespace

const char* transportName(FrameTransport transport) {
  return transport == FrameTransport::kSharedMemory ? "shared memory + FrameReady" : "inline (DisplayList Image)";
}

FrameResult measureFrames(FrameTransport transport, size_t frames, size_t warmup) {
  FrameResult result;
  result.transport = transportName(transport);
  if (frames == 0) {
    result.error = "no frames to measure";
    return result;
  }
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) {
    result.error = std::string("socketpair: ") + std::strerror(errno);
    return result;
  }
  // The producer is a real separate process: its own address space, reached only via the socket.
  const pid_t pid = ::fork();
  if (pid < 0) {
    result.error = std::string("fork: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return result;
  }
  if (pid == 0) {
    ::close(fds[0]);
    runProducer(fds[1], transport, warmup + frames);
  }
  ::close(fds[1]);

  std::optional<std::string> error;
  {
    ipc::Channel channel{UniqueFd(fds[0])};
    clockid_t producer_clock{};
    if (int err = ::clock_getcpuclockid(pid, &producer_clock); err != 0) {
      error = std::string("clock_getcpuclockid: ") + std::strerror(err);
    } else {
      error = consume(channel, transport, frames, warmup, producer_clock, result);
    }
    wire::Envelope stop;
    stop.mutable_shutdown()->set_reason("benchmark done");
    channel.send(stop);
    channel.flushBlocking(1000);
  }  // closing the channel also ends a producer that is still waiting for a release

  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!error && !(WIFEXITED(status) && WEXITSTATUS(status) == kProducerOk)) {
    error = "producer " + std::string(WIFSIGNALED(status) ? "killed by signal " : "exited with ") +
            std::to_string(WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
  }
  result.ok = !error;
  if (error) result.error = *error;
  return result;
}

}  // namespace sb::ipcbench
