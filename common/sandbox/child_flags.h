#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "common/process/namespaces.h"

namespace sb::sandbox {

// What the launcher tells a child about its sandbox on the command line.
struct ChildSandboxFlags {
  bool enabled = true;          // false with --no-sandbox
  std::optional<int> crash_fd;  // --crash-fd=N, when N is an open descriptor
  // --sandbox-namespaces=user,pid,...: the namespaces that engaged at spawn; nullopt when the
  // launcher asked for none.
  std::optional<process::Namespaces> namespaces;
  // --disable-sandbox-layer=a,b: layers to leave off, reported as not engaged.
  std::vector<std::string> disabled_layers;
};

// "landlock,,seccomp-bpf" -> {"landlock", "seccomp-bpf"}.
std::vector<std::string> splitLayerNames(std::string_view list);

ChildSandboxFlags parseChildSandboxFlags(std::span<char* const> args);

}  // namespace sb::sandbox
