#include "apps/tools/ipcbench/kinds_report.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <limits>

#include "apps/tools/ipcbench/kinds_options.h"

namespace sb::ipcbench {
namespace {

std::string jsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string jsonDirection(const Direction& d) {
  char text[200];
  std::snprintf(text, sizeof text,
                "{\"sent_bytes\":%" PRIu64 ",\"sent_checksum\":\"%016" PRIx64 "\",\"received_bytes\":%" PRIu64
                ",\"received_checksum\":\"%016" PRIx64 "\"}",
                d.sent.bytes, d.sent.checksum, d.received.bytes, d.received.checksum);
  return text;
}

// The note a kind left, if any ("mqueue: ..." starts with the kind's name).
std::string noteFor(const std::string& kind, const std::vector<std::string>& notes) {
  for (const auto& note : notes) {
    if (note.rfind(kind + ":", 0) == 0) return note;
  }
  return {};
}

}  // namespace

std::vector<Ratios> ratiosToFastest(const std::vector<KindResult>& rows) {
  std::vector<Ratios> ratios(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].ok) continue;
    double best_p50 = std::numeric_limits<double>::max();
    double best_rate = 0;
    for (const auto& other : rows) {
      if (!other.ok || other.bytes != rows[i].bytes) continue;
      best_p50 = std::min(best_p50, other.p50_us);
      best_rate = std::max(best_rate, other.mib_per_s);
    }
    ratios[i].latency = best_p50 > 0 ? rows[i].p50_us / best_p50 : 0;
    ratios[i].throughput = rows[i].mib_per_s > 0 ? best_rate / rows[i].mib_per_s : 0;
  }
  return ratios;
}

void printKindTable(const std::vector<KindResult>& rows, const std::vector<std::string>& notes) {
  const auto ratios = ratiosToFastest(rows);
  std::printf("%-8s %-30s %-7s %8s %9s %9s %8s %9s %10s %8s\n", "size", "kind", "peer", "trips", "p50 us",
              "p99 us", "p50 x", "messages", "MiB/s", "MiB/s x");
  size_t last_bytes = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (i > 0 && row.bytes != last_bytes) std::printf("\n");
    last_bytes = row.bytes;
    const char* peer = row.in_process ? "thread" : "process";
    if (!row.ok) {
      std::printf("%-8s %-30s %-7s failed: %s\n", sizeLabel(row.bytes).c_str(), row.label.c_str(), peer,
                  row.error.c_str());
      continue;
    }
    std::printf("%-8s %-30s %-7s %8zu %9.1f %9.1f %7.2fx %9zu %10.1f %7.2fx\n", sizeLabel(row.bytes).c_str(),
                row.label.c_str(), peer, row.round_trips, row.p50_us, row.p99_us, ratios[i].latency,
                row.messages, row.mib_per_s, ratios[i].throughput);
  }
  std::printf("\nx: times the fastest kind at that size (1.00x is the fastest); every byte was checksummed "
              "by both sides\n");
  for (const auto& note : notes) std::printf("%s\n", note.c_str());
}

void printKindJson(const std::vector<KindResult>& rows, const std::vector<std::string>& notes) {
  const auto ratios = ratiosToFastest(rows);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    std::printf(
        "{\"kind\":%s,\"label\":%s,\"peer\":\"%s\",\"bytes\":%zu,\"chunk_bytes\":%zu,\"ok\":%s,\"error\":%s,"
        "\"round_trips\":%zu,\"p50_us\":%.2f,\"p99_us\":%.2f,\"mean_us\":%.2f,\"p50_ratio_to_fastest\":%.3f,"
        "\"messages\":%zu,\"seconds\":%.4f,\"mib_per_s\":%.1f,\"throughput_ratio_to_fastest\":%.3f,"
        "\"to_peer\":%s,\"from_peer\":%s,\"note\":%s}\n",
        jsonString(row.kind).c_str(), jsonString(row.label).c_str(), row.in_process ? "thread" : "process",
        row.bytes, row.chunk_bytes, row.ok ? "true" : "false", jsonString(row.error).c_str(), row.round_trips,
        row.p50_us, row.p99_us, row.mean_us, ratios[i].latency, row.messages, row.seconds, row.mib_per_s,
        ratios[i].throughput, jsonDirection(row.to_peer).c_str(), jsonDirection(row.from_peer).c_str(),
        jsonString(noteFor(row.kind, notes)).c_str());
  }
}

}  // namespace sb::ipcbench
