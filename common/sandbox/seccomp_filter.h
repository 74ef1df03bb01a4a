#pragma once

#include "sandbrowser.pb.h"

namespace sb::sandbox {

// Loads the seccomp-bpf allowlist of syscall_sets.h with libseccomp: allowed calls (some with
// argument checks) pass, the trapped ones raise SIGSYS, everything else fails with EPERM, and a
// call through another architecture's entry (int 0x80, x32) kills the process. Every thread is
// put under the filter (TSYNC). Install the SIGSYS reporter first.
wire::SandboxLayer engageSeccomp(bool allow_shared_memory = false);

}  // namespace sb::sandbox
