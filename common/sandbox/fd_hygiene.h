#pragma once

#include <span>

#include "sandbrowser.pb.h"

namespace sb::sandbox {

// Closes every descriptor but `keep` (and stdin, stdout, stderr when keep_stdio), whatever a
// library may have opened and leaked during start-up: the sandbox must not inherit a way out.
wire::SandboxLayer closeOtherFds(std::span<const int> keep, bool keep_stdio);

}  // namespace sb::sandbox
