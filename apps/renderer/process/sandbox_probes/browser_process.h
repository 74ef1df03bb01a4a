#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>

#include "apps/renderer/sandbox_probes/system_probes.h"

namespace sb::renderer::probes {

// The browser as an escaping renderer would find it: its parent. Under a pid namespace the
// parent is outside (getppid() says 0, or 1 when an init runs inside); under seccomp getppid()
// itself may be refused.
struct BrowserLookup {
  std::optional<pid_t> pid;
  ProbeOutcome why_not;  // a denied outcome when pid is empty
};
BrowserLookup findBrowser();

// The path after --control-socket on the browser's command line, read from
// /proc/<pid>/cmdline. `error` gets the errno when that file cannot be read.
struct ControlSocketLookup {
  int error = 0;
  std::optional<std::string> path;  // absent: the browser has none (or the read failed)
};
ControlSocketLookup findControlSocket(pid_t browser);

// The start of the first mapping in /proc/<pid>/maps, or the errno of the failed read.
struct FirstMapping {
  int error = 0;
  uint64_t address = 0;
};
FirstMapping firstMappedAddress(pid_t pid);

}  // namespace sb::renderer::probes
