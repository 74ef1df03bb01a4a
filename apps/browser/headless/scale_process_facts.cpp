#include "apps/browser/headless/scale_process_facts.h"

#include <dirent.h>
#include <sys/resource.h>

#include <fstream>
#include <string>

namespace sb::browser {

char processState(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return '?';
  // The command name is in parentheses and may hold spaces; the state follows the last ')'.
  const auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() ? line[close + 2] : '?';
}

int openFdCount() {
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return -1;
  int count = 0;
  while (dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  ::closedir(dir);
  return count - 1;  // the directory stream's own descriptor
}

uint64_t selfCpuNs() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto ns = [](const timeval& t) {
    return static_cast<uint64_t>(t.tv_sec) * 1'000'000'000u +
           static_cast<uint64_t>(t.tv_usec) * 1000u;
  };
  return ns(usage.ru_utime) + ns(usage.ru_stime);
}

std::vector<pid_t> zombiesAmong(const std::vector<pid_t>& pids) {
  std::vector<pid_t> zombies;
  for (pid_t pid : pids) {
    if (processState(pid) == 'Z') zombies.push_back(pid);
  }
  return zombies;
}

}  // namespace sb::browser
