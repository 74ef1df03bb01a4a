#include "apps/tools/ipcbench/kinds_options.h"

#include <cctype>
#include <cstdlib>
#include <sstream>

namespace sb::ipcbench {
namespace {

constexpr size_t kMaxSize = 8u << 20;

std::optional<size_t> parseSize(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return std::nullopt;
  char* end = nullptr;
  const unsigned long long number = std::strtoull(text.c_str(), &end, 10);
  std::string suffix(end);
  for (char& c : suffix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  unsigned long long unit = 0;
  if (suffix.empty() || suffix == "b") unit = 1;
  if (suffix == "k" || suffix == "kib") unit = 1024;
  if (suffix == "m" || suffix == "mib") unit = 1024 * 1024;
  // Dividing first keeps a huge number from overflowing before the range check.
  if (unit == 0 || number == 0 || number > kMaxSize / unit) return std::nullopt;
  return static_cast<size_t>(number * unit);
}

}  // namespace

std::vector<size_t> defaultKindSizes() { return {64, 1024, 64 * 1024, 1024 * 1024}; }

std::optional<std::vector<size_t>> parseSizes(const std::string& list, std::string& error) {
  std::vector<size_t> sizes;
  std::stringstream items(list);
  std::string item;
  while (std::getline(items, item, ',')) {
    auto size = parseSize(item);
    if (!size) {
      error = "--sizes: \"" + item + "\" is not a size from 1 B to 8 MiB (e.g. 64,1K,64K,1M)";
      return std::nullopt;
    }
    sizes.push_back(*size);
  }
  if (sizes.empty()) {
    error = "--sizes needs a comma-separated list of sizes (e.g. 64,1K,64K,1M)";
    return std::nullopt;
  }
  return sizes;
}

std::string sizeLabel(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " B";
}

}  // namespace sb::ipcbench
