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

// The program's pid as we see it, from a kProgramStarted record on a report socket with
// SO_PASSCRED: the program's own process sent it (before its execve, or right after the zygote
// forked it), and the kernel attached its credentials, translating the pid into our pid namespace.
// Does not block.
std::optional<pid_t> receiveProgramPid(int report);

// True once the program's end was reported. Its parent (namespace init or zygote) reports before
// it reaps, so while this is false the program's pid cannot have been reused.
bool programEndReported(int report);

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
