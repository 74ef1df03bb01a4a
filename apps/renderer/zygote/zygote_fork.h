#pragma once

#include <sys/types.h>

#include "apps/renderer/zygote/zygote_config.h"
#include "common/base/unique_fd.h"

namespace sb::renderer {

// The descriptors of one fork request, as received from the browser.
struct ForkRequest {
  UniqueFd channel;      // becomes the renderer's fd 3
  UniqueFd crash_write;  // becomes its fd 4
  UniqueFd report;       // it announces itself here; the zygote later reports its end here
};

// Forks a renderer into new user, net and ipc namespaces (where the kernel allows; otherwise
// fewer, which the browser sees in /proc). In the parent returns the new pid, or -errno. The
// child never returns: it becomes the renderer and exits with the renderer's exit code.
pid_t forkRenderer(const ForkRequest& request, const ZygoteConfig& config);

}  // namespace sb::renderer
