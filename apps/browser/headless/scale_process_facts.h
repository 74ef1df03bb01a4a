#pragma once

#include <sys/types.h>

#include <cstdint>
#include <vector>

namespace sb::browser {

// Facts about this browser process and its children that the scale run and the chaos soak check:
// descriptors, CPU, process states.

// Open descriptors of this process (entries of /proc/self/fd).
int openFdCount();
// User + system CPU time of this process, every thread, in ns.
uint64_t selfCpuNs();
// The state letter of /proc/PID/stat ('Z' a zombie, 'T' stopped); '?' when the process is gone.
char processState(pid_t pid);
// Those of `pids` in state Z: exited, and not yet reaped by their parent.
std::vector<pid_t> zombiesAmong(const std::vector<pid_t>& pids);

}  // namespace sb::browser
