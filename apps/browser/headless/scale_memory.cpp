#include "apps/browser/headless/scale_memory.h"

#include <algorithm>
#include <vector>

#include "apps/browser/headless/process_tree.h"

namespace sb::browser {

TreeMemory measureTreeMemory(pid_t browser, pid_t gpu) {
  const std::vector<pid_t> tree = processTree(browser);
  const std::vector<pid_t> gpu_tree = gpu > 0 ? processTree(gpu) : std::vector<pid_t>{};
  std::vector<pid_t> renderer_side;
  for (pid_t pid : tree) {
    if (pid != browser && std::find(gpu_tree.begin(), gpu_tree.end(), pid) == gpu_tree.end()) {
      renderer_side.push_back(pid);
    }
  }
  const PssTotal total = totalPss(tree);
  TreeMemory memory;
  memory.processes = static_cast<int>(tree.size());
  memory.total_kb = total.kb;
  memory.unreadable = total.unreadable;
  memory.browser_kb = totalPss({browser}).kb;
  memory.gpu_kb = totalPss(gpu_tree).kb;
  memory.renderer_side_kb = totalPss(renderer_side).kb;
  return memory;
}

}  // namespace sb::browser
