#include "common/sandbox/resource_limits.h"

#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "common/sandbox/layer.h"

namespace sb::sandbox {
namespace {

std::string bytesText(uint64_t bytes) {
  if (bytes % (uint64_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  return std::to_string(bytes >> 20) + " MiB";
}

// Never raises a limit that is already lower.
bool lower(int resource, rlim_t value) {
  rlimit current{};
  if (::getrlimit(resource, &current) != 0) return false;
  const rlim_t target =
      current.rlim_max == RLIM_INFINITY ? value : std::min(value, current.rlim_max);
  const rlimit limit{target, target};
  return ::setrlimit(resource, &limit) == 0;
}

}  // namespace

wire::SandboxLayer applyResourceLimits(const SandboxPolicy& policy) {
  std::string detail;
  if (policy.address_space_bytes) {
    if (!lower(RLIMIT_AS, policy.address_space_bytes)) {
      return failedLayer("rlimits", "RLIMIT_AS", errno);
    }
    detail = "address space " + bytesText(policy.address_space_bytes);
  } else {
    detail = "address space not capped (sanitizer build)";
  }
  if (!lower(RLIMIT_NOFILE, policy.max_open_fds)) {
    return failedLayer("rlimits", "RLIMIT_NOFILE", errno);
  }
  detail += ", " + std::to_string(policy.max_open_fds) + " open files";
  if (!policy.allow_new_processes) {
    if (!lower(RLIMIT_NPROC, 0)) return failedLayer("rlimits", "RLIMIT_NPROC", errno);
    detail += ", no new processes";
  }
  if (!lower(RLIMIT_CORE, 0)) return failedLayer("rlimits", "RLIMIT_CORE", errno);
  detail += ", no core files";
  return engagedLayer("rlimits", detail);
}

}  // namespace sb::sandbox
