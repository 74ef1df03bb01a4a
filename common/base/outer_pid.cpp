#include "common/base/outer_pid.h"

#include <unistd.h>

#include <charconv>

namespace sb {

int outerPid() {
  char link[32] = {};
  const ssize_t n = ::readlink("/proc/self", link, sizeof(link) - 1);
  int pid = 0;
  if (n > 0) std::from_chars(link, link + n, pid);
  return pid > 0 ? pid : ::getpid();
}

}  // namespace sb
