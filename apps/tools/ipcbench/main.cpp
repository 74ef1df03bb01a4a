// sandbrowser-ipcbench: round-trip latency of our Channel against a raw socketpair, measured in the
// same run between this process and a forked child. With --frames: 1280x800 RGBA frames through
// shared memory vs inline in the messages (frame_transport.h). With --kinds: every IPC mechanism
// (pipes, sockets, queues, shared memory, threads, Channel) side by side (kinds_bench.h).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "apps/tools/ipcbench/frame_pattern.h"
#include "apps/tools/ipcbench/frame_transport.h"
#include "apps/tools/ipcbench/kinds.h"
#include "apps/tools/ipcbench/kinds_bench.h"
#include "apps/tools/ipcbench/kinds_options.h"
#include "apps/tools/ipcbench/latency.h"

namespace {

void printUsage() {
  std::puts(
      "usage: sandbrowser-ipcbench [--quick] [--json] [--frames [--frame-count N] | --kinds LIST [--sizes LIST]]\n"
      "  Measures Ping/Pong round trips through Channel (Protobuf envelopes) and raw socketpair\n"
      "  write/read of the same sizes (64 B, 4 KiB, 64 KiB, 1 MiB), parent <-> forked child.\n"
      "  --frames  instead: 1280x800 RGBA frames from a forked producer, through shared memory\n"
      "            (memfd + FrameReady/ReleaseBuffer) and inline in every message; fps and CPU\n"
      "  --frame-count N  measured frames per transport (default 600; 20 with --quick)\n"
      "  --kinds all|pipe,fifo,...  instead: ping-pong latency and one-way throughput of each IPC\n"
      "            kind (pipe, fifo, unix-stream, unix-seqpacket, mqueue, tcp, shm, threads,\n"
      "            channel), parent <-> forked child (a thread for threads), every byte checksummed\n"
      "  --sizes LIST  message sizes for --kinds (default 64,1K,64K,1M)\n"
      "  --quick  fewer round trips / frames (for tests); --json  one JSON object per row");
}

int runFrames(bool quick, bool json, size_t frame_count) {
  using sb::ipcbench::FrameTransport;
  const size_t frames = frame_count > 0 ? frame_count : (quick ? 20 : 600);
  const size_t warmup = quick ? 3 : 30;
  // Both transports in one run, one after the other, so they share the machine's state.
  const auto shm = sb::ipcbench::measureFrames(FrameTransport::kSharedMemory, frames, warmup);
  const auto inl = sb::ipcbench::measureFrames(FrameTransport::kInline, frames, warmup);
  int status = 0;
  if (!json) {
    std::printf("%d x %d RGBA frames (%zu B), %zu measured + %zu warm-up per transport, producer = forked process\n",
                sb::ipcbench::kFrameWidth, sb::ipcbench::kFrameHeight, sb::ipcbench::kFrameBytes, frames, warmup);
    std::printf("%-28s %7s %9s %14s %12s %12s %12s %10s %10s\n", "transport", "frames", "fps", "socket B/frame",
                "prod CPU us", "cons CPU us", "CPU us/frame", "fps ratio", "CPU ratio");
  }
  for (const auto* row : {&shm, &inl}) {
    if (!row->ok) {
      std::fprintf(stderr, "sandbrowser-ipcbench: %s: %s\n", row->transport.c_str(), row->error.c_str());
      status = 1;
      continue;
    }
    // Ratios are to the shared-memory row: how much slower / costlier inline is.
    const double fps_ratio = shm.fps > 0 ? row->fps / shm.fps : 0;
    const double cpu_ratio = shm.totalCpuUs() > 0 ? row->totalCpuUs() / shm.totalCpuUs() : 0;
    if (json) {
      std::printf(
          "{\"transport\":\"%s\",\"frame_bytes\":%zu,\"frames\":%zu,\"seconds\":%.4f,\"fps\":%.2f,"
          "\"socket_bytes_per_frame\":%.0f,\"producer_cpu_us_per_frame\":%.2f,\"consumer_cpu_us_per_frame\":%.2f,"
          "\"cpu_us_per_frame\":%.2f,\"fps_ratio_to_shm\":%.4f,\"cpu_ratio_to_shm\":%.4f}\n",
          row->transport.c_str(), sb::ipcbench::kFrameBytes, row->frames, row->seconds, row->fps, row->socket_bytes,
          row->producer_cpu_us, row->consumer_cpu_us, row->totalCpuUs(), fps_ratio, cpu_ratio);
    } else {
      std::printf("%-28s %7zu %9.1f %14.0f %12.1f %12.1f %12.1f %9.2fx %9.2fx\n", row->transport.c_str(),
                  row->frames, row->fps, row->socket_bytes, row->producer_cpu_us, row->consumer_cpu_us,
                  row->totalCpuUs(), fps_ratio, cpu_ratio);
    }
  }
  if (!json && status == 0 && inl.fps > 0 && inl.totalCpuUs() > 0) {
    std::printf("shared memory: %.1fx the frame rate of inline, at %.2fx its CPU time per frame\n", shm.fps / inl.fps,
                shm.totalCpuUs() / inl.totalCpuUs());
  }
  return status;
}

struct Size {
  size_t bytes;
  const char* label;
  size_t round_trips;
};

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  bool json = false;
  bool frames = false;
  size_t frame_count = 0;
  std::optional<std::vector<sb::ipcbench::Kind>> kinds;
  std::optional<std::vector<size_t>> kind_sizes;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else if (std::strcmp(argv[i], "--json") == 0) {
      json = true;
    } else if (std::strcmp(argv[i], "--frames") == 0) {
      frames = true;
    } else if (std::strcmp(argv[i], "--frame-count") == 0 && i + 1 < argc) {
      char* end = nullptr;
      const unsigned long long n = std::strtoull(argv[++i], &end, 10);
      if (end == argv[i] || *end != '\0' || n == 0) {
        std::fprintf(stderr, "sandbrowser-ipcbench: --frame-count needs a positive number\n");
        return 2;
      }
      frame_count = static_cast<size_t>(n);
      frames = true;
    } else if (std::strcmp(argv[i], "--kinds") == 0 || std::strcmp(argv[i], "--sizes") == 0) {
      const bool is_kinds = argv[i][2] == 'k';
      if (i + 1 >= argc) {
        std::fprintf(stderr, "sandbrowser-ipcbench: %s needs a list\n", argv[i]);
        return 2;
      }
      std::string error;
      if (is_kinds) {
        kinds = sb::ipcbench::parseKinds(argv[++i], error);
      } else {
        kind_sizes = sb::ipcbench::parseSizes(argv[++i], error);
      }
      if (!error.empty()) {
        std::fprintf(stderr, "sandbrowser-ipcbench: %s\n", error.c_str());
        return 2;
      }
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      printUsage();
      return 0;
    } else {
      std::fprintf(stderr, "sandbrowser-ipcbench: unknown option '%s'\n", argv[i]);
      printUsage();
      return 2;
    }
  }
  if (kind_sizes && !kinds) {
    std::fprintf(stderr, "sandbrowser-ipcbench: --sizes applies to --kinds\n");
    return 2;
  }
  if (kinds && frames) {
    std::fprintf(stderr, "sandbrowser-ipcbench: --kinds and --frames are separate runs\n");
    return 2;
  }
  if (kinds) {
    return sb::ipcbench::runKinds({.kinds = *kinds,
                                   .sizes = kind_sizes ? *kind_sizes : sb::ipcbench::defaultKindSizes(),
                                   .quick = quick,
                                   .json = json});
  }
  if (frames) return runFrames(quick, json, frame_count);
  const std::vector<Size> sizes = {{64, "64 B", 20000}, {4096, "4 KiB", 10000}, {65536, "64 KiB", 2000},
                                   {1 << 20, "1 MiB", 300}};
  if (!json) {
    std::printf("%-8s %-30s %10s %10s %10s %12s\n", "size", "transport", "trips", "p50 us", "p99 us",
                "p50 ratio");
  }
  for (const Size& size : sizes) {
    const size_t trips = quick ? std::max<size_t>(size.round_trips / 50, 10) : size.round_trips;
    auto raw = sb::ipcbench::measureRawSocketpair(size.bytes, trips);
    auto channel = sb::ipcbench::measureChannelPingPong(size.bytes, trips);
    for (const auto* row : {&raw, &channel}) {
      const double ratio = raw.p50_us > 0 ? row->p50_us / raw.p50_us : 0;
      if (json) {
        std::printf(
            "{\"bytes\":%zu,\"transport\":\"%s\",\"round_trips\":%zu,\"p50_us\":%.2f,\"p99_us\":%.2f,"
            "\"mean_us\":%.2f,\"p50_ratio_to_raw\":%.3f}\n",
            row->bytes, row->transport.c_str(), row->round_trips, row->p50_us, row->p99_us, row->mean_us, ratio);
      } else {
        std::printf("%-8s %-30s %10zu %10.1f %10.1f %11.2fx\n", size.label, row->transport.c_str(),
                    row->round_trips, row->p50_us, row->p99_us, ratio);
      }
    }
  }
  return 0;
}
