#include "apps/browser/headless/chaos_census.h"

#include <fstream>
#include <string>

#include "apps/browser/headless/process_tree.h"

namespace sb::browser {
namespace {

char stateOf(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return '?';
  // The command name is in parentheses and may hold spaces; the state follows the last ')'.
  const auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() ? line[close + 2] : '?';
}

}  // namespace

std::vector<CensusEntry> censusBelow(pid_t root) {
  std::vector<CensusEntry> found;
  for (const TreeNode& node : processesBelow(root)) found.push_back({node.pid, node.parent, stateOf(node.pid)});
  return found;
}

}  // namespace sb::browser
