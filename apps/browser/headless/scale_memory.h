#pragma once

#include <sys/types.h>

namespace sb::browser {

// PSS of the browser and every process below it, split by who pays: the browser itself, the GPU
// process's subtree, and the rest, which is what the renderers cost (the renderers, the zygote they
// are forked from, counted once, and the namespace inits). KiB.
struct TreeMemory {
  int processes = 0;
  long total_kb = 0;
  long browser_kb = 0;
  long gpu_kb = 0;
  long renderer_side_kb = 0;
  int unreadable = 0;  // processes gone meanwhile or unreadable, left out of the sums
};

// `gpu` may be -1 (no GPU process, software rasterisation): everything below is renderer side.
TreeMemory measureTreeMemory(pid_t browser, pid_t gpu);

}  // namespace sb::browser
