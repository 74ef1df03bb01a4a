#include "tests/support/proc_inspect.h"

#include <dirent.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>

namespace sb::testing {
namespace {

struct StatLine {
  char state = '?';
  pid_t ppid = 0;
};

bool readStat(pid_t pid, StatLine& out) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return false;
  // The command name is in parentheses and may contain spaces; fields resume after the last ')'.
  const auto close = line.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream rest(line.substr(close + 2));
  rest >> out.state >> out.ppid;
  return true;
}

template <typename Pred>
std::vector<pid_t> scan(Pred pred) {
  std::vector<pid_t> found;
  DIR* dir = ::opendir("/proc");
  if (!dir) return found;
  while (dirent* entry = ::readdir(dir)) {
    if (!std::isdigit(static_cast<unsigned char>(entry->d_name[0]))) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(entry->d_name));
    StatLine stat;
    if (readStat(pid, stat) && pred(stat)) found.push_back(pid);
  }
  ::closedir(dir);
  return found;
}

}  // namespace

int countOpenFds() {
  int count = 0;
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return -1;
  while (dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  ::closedir(dir);
  return count - 1;  // the directory stream's own descriptor
}

std::vector<pid_t> zombieChildrenOf(pid_t parent) {
  return scan([parent](const StatLine& s) { return s.ppid == parent && s.state == 'Z'; });
}

std::vector<pid_t> childrenOf(pid_t parent) {
  return scan([parent](const StatLine& s) { return s.ppid == parent; });
}

bool processAlive(pid_t pid) {
  StatLine stat;
  return readStat(pid, stat) && stat.state != 'Z';
}

std::vector<pid_t> descendantsOf(pid_t pid) {
  std::vector<pid_t> found;
  for (pid_t child : childrenOf(pid)) {
    found.push_back(child);
    for (pid_t grandchild : descendantsOf(child)) found.push_back(grandchild);
  }
  return found;
}

}  // namespace sb::testing
