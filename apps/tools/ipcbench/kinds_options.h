#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sb::ipcbench {

// The message sizes the issue asks for: 64 B, 1 KiB, 64 KiB, 1 MiB.
std::vector<size_t> defaultKindSizes();

// "64,1K,64KiB,1M": plain bytes or a K/KiB/M/MiB suffix, 1 B to 8 MiB (a Channel frame holds
// 16 MiB). nullopt with `error` naming the bad entry.
std::optional<std::vector<size_t>> parseSizes(const std::string& list, std::string& error);

// "64 B", "1 KiB", "1 MiB"; exact binary multiples get the short form.
std::string sizeLabel(size_t bytes);

}  // namespace sb::ipcbench
