#pragma once

#include <sys/types.h>

#include <string>

#include "common/process/exec_plan.h"
#include "common/process/spawn_fds.h"

namespace sb::process {

// Contents for /proc/self/{uid,gid}_map in a new user namespace, prepared before the fork.
struct IdMaps {
  std::string uid_map;  // "1000 1000 1\n": the browser's own ids, mapped to themselves
  std::string gid_map;
};

IdMaps identityIdMaps();

// What the child does between fork()/clone3() and execve(). Only async-signal-safe calls: all
// strings and descriptors are prepared by the parent.
struct ChildSetup {
  const ExecPlan* exec = nullptr;  // the program, or the namespace init
  bool exec_is_init = false;       // keep the error pipe and report socket for the init
  const SpawnFds* fds = nullptr;
  const IdMaps* id_maps = nullptr;  // set in a new user namespace
  pid_t parent = 0;                 // for the getppid() check when there is no browser_pidfd
  bool die_with_parent = true;
  bool allow_core_dumps = false;
};

[[noreturn]] void runChild(const ChildSetup& setup);

}  // namespace sb::process
