#pragma once

#include <string>
#include <variant>

#include "common/base/unique_fd.h"

namespace sb::process {

// Every descriptor the launcher creates before starting a child. The child's ones sit at 10 or
// above and are close-on-exec, so the child can dup2() them onto their fixed low numbers without
// overwriting one another, and none of them reaches the program by accident.
struct SpawnFds {
  UniqueFd channel;        // ours: non-blocking
  UniqueFd child_channel;  // blocking: a child may use plain blocking reads
  UniqueFd crash_read;     // ours: non-blocking, drained when the child is gone
  UniqueFd crash_write;
  UniqueFd devnull;     // the child's stdin
  UniqueFd error_read;  // exec-error pipe: a SpawnError record, or EOF once the program runs
  UniqueFd error_write;
  // Only for a spawn in namespaces:
  UniqueFd report;  // ours: SO_PASSCRED, non-blocking; the init's InitReport records
  UniqueFd child_report;
  UniqueFd browser_pidfd;  // polled by the child: did we die before its PDEATHSIG took effect?

  // Closes what only the child needed, once it has been started.
  void closeChildEnds();
};

struct SpawnFdsError {
  std::string message;
  int error = 0;
};

std::variant<SpawnFds, SpawnFdsError> createSpawnFds(bool for_namespaces);

}  // namespace sb::process
