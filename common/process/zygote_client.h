#pragma once

#include <sys/types.h>

#include <chrono>

#include "common/process/launcher.h"

namespace sb::process {

// The browser's side of one fork request: creates the new renderer's channel, crash pipe and
// report socket, sends the zygote its ends over `control`, and waits up to `timeout` for the
// renderer itself to say it started (its pid comes from the kernel, not from the zygote). The
// result is a LaunchedChild like launchChild()'s, with `exit_report` set: the zygote is the parent.
// `wanted`: the namespaces the zygote forks renderers into, to report which really engaged.
LaunchResult forkFromZygote(int control, pid_t zygote_pid, const Namespaces& wanted,
                            std::chrono::milliseconds timeout);

}  // namespace sb::process
