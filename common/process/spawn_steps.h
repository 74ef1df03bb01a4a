#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <variant>

#include "common/process/launcher.h"
#include "common/process/spawn_fds.h"

// Pieces shared by the plain and the namespace spawn.
namespace sb::process {

// Blocks until the exec-error pipe closes (the program runs: nullopt) or carries a record.
std::optional<SpawnError> awaitExec(int error_read);

// "exec /a/b: ENOENT (...)", "writing /proc/self/uid_map: EPERM (...)".
std::string describeSpawnError(const SpawnError& error, const std::string& binary);

// Waits for a child that is known to be exiting (it reported an error).
void reapExiting(pid_t pid);

LaunchFailure launchFailure(const SpawnFdsError& error);

// Namespaces could not be set up; the launcher starts the child without them instead.
struct NamespacesUnavailable {
  std::string why;
};

using NamespaceSpawnResult = std::variant<LaunchedChild, LaunchFailure, NamespacesUnavailable>;

// clone3() into `ns` (pid only with an init binary). Fills LaunchedChild::namespaces on success.
NamespaceSpawnResult spawnInNamespaces(const std::string& binary, const LaunchOptions& options,
                                       const Namespaces& ns,
                                       const std::optional<std::string>& init_binary);

}  // namespace sb::process
