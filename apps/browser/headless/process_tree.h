#pragma once

#include <sys/types.h>

#include <vector>

namespace sb::browser {

// A process below the root of a tree, with the process that forked it.
struct TreeNode {
  pid_t pid = 0;
  pid_t parent = 0;
};

// Every process below `root` (not `root` itself), parents before their children, read from
// /proc/PID/task/TID/children.
std::vector<TreeNode> processesBelow(pid_t root);

// `root` and every process below it, parents before their children, read from
// /proc/PID/task/TID/children (the kernel's list of children each thread forked). Counts what a
// user pays for: GPU, plugin, zygote and namespace-init processes as well as renderers.
std::vector<pid_t> processTree(pid_t root);

// Proportional set size summed over `pids` (each shared page divided among the processes mapping
// it, so nothing is counted twice).
struct PssTotal {
  long kb = 0;
  int unreadable = 0;  // processes gone meanwhile or whose smaps_rollup we may not read
};
PssTotal totalPss(const std::vector<pid_t>& pids);

}  // namespace sb::browser
