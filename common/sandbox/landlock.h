#pragma once

#include "sandbrowser.pb.h"

namespace sb::sandbox {

// A Landlock domain that handles every right the running kernel knows and grants none: no file
// can be opened, listed, created or executed, no TCP port bound or connected (ABI 4+), and
// neither abstract unix sockets nor signals reach outside the sandbox (ABI 6+). Descriptors that
// are already open keep working, which is why the channel survives. The detail names the ABI.
wire::SandboxLayer engageLandlock();

}  // namespace sb::sandbox
