#include "common/sandbox/sandbox_policy.h"

#include <algorithm>

#include "common/base/sanitizers.h"

namespace sb::sandbox {
namespace {

constexpr uint64_t kGiB = uint64_t{1} << 30;

}  // namespace

SandboxPolicy policyFor(wire::ProcessKind kind) {
  SandboxPolicy policy;
  // A renderer holds one page's display lists and pictures; demo://leak stops at 1 GiB.
  policy.address_space_bytes = 4 * kGiB;
  // GPU drivers map big apertures.
  if (kind == wire::PROCESS_KIND_GPU) {
    policy.address_space_bytes = 16 * kGiB;
    policy.allow_shared_memory = true;
    // Descriptors in flight on a Unix socket count against the sender's RLIMIT_NOFILE: with 64,
    // sending the surfaces of 100 tabs opened at once failed with ETOOMANYREFS.
    policy.max_open_fds = 1024;
  }
  // Sanitizers reserve terabytes of shadow memory: an address-space cap would stop the child.
  if (kSanitizerBuild) policy.address_space_bytes = 0;
  return policy;
}

bool SandboxPolicy::disables(std::string_view layer) const {
  return std::find(disabled_layers.begin(), disabled_layers.end(), layer) != disabled_layers.end();
}

}  // namespace sb::sandbox
