#pragma once

#include <optional>
#include <span>

#include "common/process/namespaces.h"

namespace sb::sandbox {

// What the launcher tells a child about its sandbox on the command line.
struct ChildSandboxFlags {
  bool enabled = true;          // false with --no-sandbox
  std::optional<int> crash_fd;  // --crash-fd=N, when N is an open descriptor
  // --sandbox-namespaces=user,pid,...: the namespaces that engaged at spawn; nullopt when the
  // launcher asked for none.
  std::optional<process::Namespaces> namespaces;
};

ChildSandboxFlags parseChildSandboxFlags(std::span<char* const> args);

}  // namespace sb::sandbox
