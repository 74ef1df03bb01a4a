#include "apps/browser/headless/process_tree.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "apps/browser/core/process_info.h"

namespace sb::browser {
namespace {

void addChildren(pid_t pid, std::vector<TreeNode>& found) {
  std::error_code error;  // a process that exits meanwhile simply has no children to list
  for (const auto& task :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error)) {
    std::ifstream children(task.path() / "children");
    for (pid_t child; children >> child;) {
      found.push_back({child, pid});
      addChildren(child, found);
    }
  }
}

}  // namespace

std::vector<TreeNode> processesBelow(pid_t root) {
  std::vector<TreeNode> found;
  addChildren(root, found);
  return found;
}

std::vector<pid_t> processTree(pid_t root) {
  std::vector<pid_t> found = {root};
  for (const TreeNode& node : processesBelow(root)) found.push_back(node.pid);
  return found;
}

PssTotal totalPss(const std::vector<pid_t>& pids) {
  PssTotal total;
  for (pid_t pid : pids) {
    if (const auto kb = proportionalSetKb(pid)) {
      total.kb += *kb;
    } else {
      ++total.unreadable;
    }
  }
  return total;
}

}  // namespace sb::browser
