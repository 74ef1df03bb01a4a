#include "common/sandbox/child_flags.h"

#include <fcntl.h>

#include <charconv>
#include <string_view>

#include "common/process/spawn_protocol.h"

namespace sb::sandbox {
namespace {

std::optional<int> openFd(std::string_view text) {
  int fd = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), fd);
  if (ec != std::errc() || end != text.data() + text.size() || fd < 0) return std::nullopt;
  if (::fcntl(fd, F_GETFD) < 0) return std::nullopt;
  return fd;
}

}  // namespace

std::vector<std::string> splitLayerNames(std::string_view list) {
  std::vector<std::string> names;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    if (!name.empty()) names.emplace_back(name);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return names;
}

ChildSandboxFlags parseChildSandboxFlags(std::span<char* const> args) {
  ChildSandboxFlags flags;
  for (const char* raw : args) {
    if (!raw) continue;
    const std::string_view arg(raw);
    if (arg == process::kNoSandboxFlag) {
      flags.enabled = false;
    } else if (arg.starts_with(process::kCrashFdFlag)) {
      flags.crash_fd = openFd(arg.substr(process::kCrashFdFlag.size()));
    } else if (arg.starts_with(process::kNamespacesFlag)) {
      flags.namespaces = process::Namespaces::parse(arg.substr(process::kNamespacesFlag.size()));
    } else if (arg.starts_with(process::kDisableLayersFlag)) {
      for (auto& name : splitLayerNames(arg.substr(process::kDisableLayersFlag.size()))) {
        flags.disabled_layers.push_back(std::move(name));
      }
    }
  }
  return flags;
}

}  // namespace sb::sandbox
