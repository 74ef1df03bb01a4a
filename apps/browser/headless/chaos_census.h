#pragma once

#include <sys/types.h>

#include <vector>

namespace sb::browser {

// One process below the browser as /proc shows it: the soak's view of what really runs, to hold
// against what the browser believes runs.
struct CensusEntry {
  pid_t pid = 0;
  pid_t parent = 0;
  char state = '?';  // /proc/PID/stat's letter: 'Z' a zombie, 'T' stopped, '?' gone meanwhile
};

// Every process below `root` (not `root` itself), parents before their children, from the
// kernel's lists of the children each thread forked.
std::vector<CensusEntry> censusBelow(pid_t root);

}  // namespace sb::browser
