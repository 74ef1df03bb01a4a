#pragma once

#include "common/sandbox/sandbox_policy.h"
#include "sandbrowser.pb.h"

namespace sb::sandbox {

// Lowers soft and hard limits together, so the child cannot raise them again: RLIMIT_AS (a leak
// or an attacker's spray hits a wall instead of the machine), RLIMIT_CORE 0, RLIMIT_NOFILE and,
// unless the policy allows new processes, RLIMIT_NPROC 0. RLIMIT_FSIZE is left alone on purpose:
// stderr may be a file, and writing past a zero limit would kill the child with SIGXFSZ.
wire::SandboxLayer applyResourceLimits(const SandboxPolicy& policy);

}  // namespace sb::sandbox
