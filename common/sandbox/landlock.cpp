#include "common/sandbox/landlock.h"

#include <linux/landlock.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <string>

#include "common/base/unique_fd.h"
#include "common/sandbox/landlock_abi.h"
#include "common/sandbox/layer.h"

namespace sb::sandbox {
namespace {

std::string describe(int abi) {
  std::string text = "ABI " + std::to_string(abi) + ": no filesystem access (" +
                     std::to_string(std::popcount(landlock::filesystemRights(abi))) +
                     " rights handled, no rule grants any)";
  text +=
      landlock::networkRights(abi) ? "; no TCP bind or connect" : "; TCP not covered before ABI 4";
  if (landlock::scopes(abi)) text += "; abstract unix sockets and signals stay inside the sandbox";
  return text;
}

}  // namespace

wire::SandboxLayer engageLandlock() {
  const long abi =
      ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  // ENOSYS: a kernel built without it; EOPNOTSUPP: built in but not enabled (lsm= boot option).
  if (abi < 0) return failedLayer("landlock", "landlock_create_ruleset(VERSION)", errno);
  const int version = static_cast<int>(abi);
  landlock::RulesetAttr attr;
  attr.handled_access_fs = landlock::filesystemRights(version);
  attr.handled_access_net = landlock::networkRights(version);
  attr.scoped = landlock::scopes(version);
  UniqueFd ruleset(static_cast<int>(
      ::syscall(SYS_landlock_create_ruleset, &attr, landlock::rulesetAttrSize(version), 0)));
  if (!ruleset) {
    const int err = errno;
    return failedLayer("landlock", "landlock_create_ruleset (ABI " + std::to_string(version) + ")", err);
  }
  if (::syscall(SYS_landlock_restrict_self, ruleset.get(), 0) != 0) {
    return failedLayer("landlock", "landlock_restrict_self", errno);
  }
  return engagedLayer("landlock", describe(version));
}

}  // namespace sb::sandbox
