#pragma once

#include <sys/types.h>

#include <vector>

#include "common/process/namespaces.h"

namespace sb::process {

// The namespaces of a zygote-born renderer as the browser sees them in /proc (its own view, not
// the renderer's word): one outcome per namespace in `wanted`. Its user, net and ipc namespaces
// are its own, nested in the zygote's; its pid namespace is the zygote's (docs/sandbox.md).
std::vector<NamespaceOutcome> observeZygoteChildNamespaces(pid_t child, pid_t zygote,
                                                           const Namespaces& wanted);

}  // namespace sb::process
