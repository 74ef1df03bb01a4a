// sandbrowser-ipcbench: round-trip latency of our Channel against a raw socketpair, measured in the
// same run between this process and a forked child.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "apps/tools/ipcbench/latency.h"

namespace {

void printUsage() {
  std::puts(
      "usage: sandbrowser-ipcbench [--quick] [--json]\n"
      "  Measures Ping/Pong round trips through Channel (Protobuf envelopes) and raw socketpair\n"
      "  write/read of the same sizes (64 B, 4 KiB, 64 KiB, 1 MiB), parent <-> forked child.\n"
      "  --quick  fewer round trips (for tests); --json  one JSON object per row");
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
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else if (std::strcmp(argv[i], "--json") == 0) {
      json = true;
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      printUsage();
      return 0;
    } else {
      std::fprintf(stderr, "sandbrowser-ipcbench: unknown option '%s'\n", argv[i]);
      printUsage();
      return 2;
    }
  }
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
