#pragma once

#include <sys/types.h>

#include <cstdint>
#include <vector>

namespace sb::browser {

// Facts about this browser process that the scale run checks: descriptors, CPU, zombies.

// Open descriptors of this process (entries of /proc/self/fd).
int openFdCount();
// User + system CPU time of this process, every thread, in ns.
uint64_t selfCpuNs();
// Those of `pids` in state Z: exited, and not yet reaped by their parent.
std::vector<pid_t> zombiesAmong(const std::vector<pid_t>& pids);

}  // namespace sb::browser
