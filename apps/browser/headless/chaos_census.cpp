#include "apps/browser/headless/chaos_census.h"

#include "apps/browser/headless/process_tree.h"
#include "apps/browser/headless/scale_process_facts.h"

namespace sb::browser {

std::vector<CensusEntry> censusBelow(pid_t root) {
  std::vector<CensusEntry> found;
  for (const TreeNode& node : processesBelow(root)) found.push_back({node.pid, node.parent, processState(node.pid)});
  return found;
}

}  // namespace sb::browser
