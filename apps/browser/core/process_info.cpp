#include "apps/browser/core/process_info.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace sb::browser {

namespace {

// The number after `field` in a "Name:   1234 kB" file of /proc/PID.
std::optional<long> kbField(pid_t pid, const char* file, std::string_view field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/" + file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, field.size(), field) != 0) continue;
    const auto digits = line.find_first_of("0123456789", field.size());
    if (digits == std::string::npos) return std::nullopt;
    long kb = 0;
    auto [end, ec] = std::from_chars(line.data() + digits, line.data() + line.size(), kb);
    if (ec != std::errc()) return std::nullopt;
    return kb;
  }
  return std::nullopt;
}

}  // namespace

std::optional<long> residentSetKb(pid_t pid) { return kbField(pid, "status", "VmRSS:"); }

std::optional<long> proportionalSetKb(pid_t pid) { return kbField(pid, "smaps_rollup", "Pss:"); }

std::optional<uint64_t> cpuTicks(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!std::getline(in, stat)) return std::nullopt;
  // The command name may hold spaces and parentheses: fields are counted after the last ')'.
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  uint64_t utime = 0;
  uint64_t stime = 0;
  for (int index = 3; fields >> field; ++index) {  // field 3 is the state
    if (index == 14) utime = std::stoull(field);
    if (index == 15) {
      stime = std::stoull(field);
      return utime + stime;
    }
  }
  return std::nullopt;
}

}  // namespace sb::browser
