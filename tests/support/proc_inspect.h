#pragma once

#include <sys/types.h>

#include <vector>

namespace sb::testing {

// Number of open descriptors of this process (entries of /proc/self/fd).
int countOpenFds();
// Children of `parent` that are zombies (state Z in /proc/PID/stat).
std::vector<pid_t> zombieChildrenOf(pid_t parent);
// Children of `parent`, alive or zombie.
std::vector<pid_t> childrenOf(pid_t parent);
// Every process below `pid` (children, their children, ...), depth first.
std::vector<pid_t> descendantsOf(pid_t pid);
// True while /proc/PID exists and is not a zombie.
bool processAlive(pid_t pid);

}  // namespace sb::testing
