#include "apps/browser/control/process_info.h"

#include <charconv>
#include <fstream>
#include <string>
#include <string_view>

namespace sb::browser {

std::optional<long> residentSetKb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  constexpr std::string_view kField = "VmRSS:";
  std::string line;
  while (std::getline(status, line)) {
    if (line.compare(0, kField.size(), kField) != 0) continue;
    // "VmRSS:	    1234 kB"
    const auto digits = line.find_first_of("0123456789", kField.size());
    if (digits == std::string::npos) return std::nullopt;
    long kb = 0;
    auto [end, ec] = std::from_chars(line.data() + digits, line.data() + line.size(), kb);
    if (ec != std::errc()) return std::nullopt;
    return kb;
  }
  return std::nullopt;
}

}  // namespace sb::browser
