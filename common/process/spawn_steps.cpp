#include "common/process/spawn_steps.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "common/base/errno_text.h"

namespace sb::process {

std::optional<SpawnError> awaitExec(int error_read) {
  SpawnError record{};
  ssize_t got;
  do {
    got = ::read(error_read, &record, sizeof(record));
  } while (got < 0 && errno == EINTR);
  if (got == static_cast<ssize_t>(sizeof(record))) return record;
  return std::nullopt;
}

std::string describeSpawnError(const SpawnError& error, const std::string& binary) {
  std::string what;
  switch (error.stage) {
    case SpawnStage::kSetgroups:
      what = "writing /proc/self/setgroups";
      break;
    case SpawnStage::kUidMap:
      what = "writing /proc/self/uid_map";
      break;
    case SpawnStage::kGidMap:
      what = "writing /proc/self/gid_map";
      break;
    case SpawnStage::kExecInit:
      what = std::string("exec ") + kNamespaceInitExecutable;
      break;
    case SpawnStage::kStartProgram:
      what = "starting the program under the namespace init";
      break;
    case SpawnStage::kExecProgram:
      what = "exec " + binary;
      break;
    default:
      what = "preparing the child";
      break;
  }
  return what + ": " + errnoText(error.error);
}

void reapExiting(pid_t pid) {
  while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
}

LaunchFailure launchFailure(const SpawnFdsError& error) {
  return LaunchFailure{error.message, error.error};
}

}  // namespace sb::process
