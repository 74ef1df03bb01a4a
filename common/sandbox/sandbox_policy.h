#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sandbrowser.pb.h"

namespace sb::sandbox {

// What the sandbox of one kind of child looks like. The layers themselves are the same for every
// kind; what differs is how much room each kind gets.
struct SandboxPolicy {
  bool enabled = true;  // false with --no-sandbox: no layer at all
  // RLIMIT_AS. 0 leaves it alone (sanitizer builds reserve terabytes of shadow memory).
  uint64_t address_space_bytes = uint64_t{4} << 30;
  // RLIMIT_NOFILE: also one more than the highest descriptor number the child may create.
  uint64_t max_open_fds = 64;
  // false: RLIMIT_NPROC 0, so fork() fails even if the seccomp filter ever let it through. A child
  // that needs threads after engaging would need true (threads count as processes).
  bool allow_new_processes = false;
  // stdin, stdout and stderr stay open: log records go to stderr as well as to the browser.
  bool keep_stdio = true;
  // memfd_create, ftruncate and sealing: the GPU process makes its frame buffers after engaging.
  bool allow_shared_memory = false;
  // Layers left off on purpose (--disable-sandbox-layer), reported as not engaged.
  std::vector<std::string> disabled_layers;

  bool disables(std::string_view layer) const;
};

SandboxPolicy policyFor(wire::ProcessKind kind);

}  // namespace sb::sandbox
