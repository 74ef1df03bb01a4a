#include "common/sandbox/fd_hygiene.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/sandbox/layer.h"

namespace sb::sandbox {
namespace {

std::vector<int> openFds() {
  std::vector<int> fds;
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return fds;
  const int own = ::dirfd(dir);
  while (const dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    const int fd = std::atoi(entry->d_name);
    if (fd != own) fds.push_back(fd);
  }
  ::closedir(dir);
  return fds;
}

}  // namespace

wire::SandboxLayer closeOtherFds(std::span<const int> keep, bool keep_stdio) {
  std::vector<int> kept;
  if (keep_stdio) kept = {0, 1, 2};
  for (int fd : keep) {
    if (fd >= 0) kept.push_back(fd);
  }
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());

  const auto before = openFds();
  const auto closing = std::count_if(before.begin(), before.end(), [&](int fd) {
    return !std::binary_search(kept.begin(), kept.end(), fd);
  });
  // close_range() over each gap between the descriptors we keep.
  unsigned first = 0;
  for (int fd : kept) {
    if (static_cast<unsigned>(fd) > first &&
        ::close_range(first, static_cast<unsigned>(fd) - 1, 0) != 0) {
      return failedLayer("close-fds", "close_range", errno);
    }
    first = static_cast<unsigned>(fd) + 1;
  }
  if (::close_range(first, ~0u, 0) != 0) return failedLayer("close-fds", "close_range", errno);

  std::string list;
  for (int fd : kept) list += (list.empty() ? "" : ",") + std::to_string(fd);
  return engagedLayer("close-fds",
                      "kept only " + list + "; closed " + std::to_string(closing) + " other");
}

}  // namespace sb::sandbox
