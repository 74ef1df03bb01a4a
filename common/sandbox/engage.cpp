#include "common/sandbox/engage.h"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <vector>

#include "common/base/errno_text.h"
#include "common/sandbox/child_flags.h"
#include "common/sandbox/fatal_signal_reporter.h"
#include "common/sandbox/fd_hygiene.h"
#include "common/sandbox/landlock.h"
#include "common/sandbox/layer.h"
#include "common/sandbox/preload.h"
#include "common/sandbox/process_hardening.h"
#include "common/sandbox/resource_limits.h"
#include "common/sandbox/seccomp_filter.h"
#include "common/sandbox/sigsys_reporter.h"

namespace sb::sandbox {

wire::SandboxStatus engageSandbox(const SandboxPolicy& policy, std::span<const int> keep_fds,
                                  int crash_fd, const process::Namespaces& spawned) {
  wire::SandboxStatus status;
  status.set_enabled(policy.enabled);
  if (!policy.enabled) return status;
  std::vector<int> keep(keep_fds.begin(), keep_fds.end());
  keep.push_back(crash_fd);
  auto engageUnlessDisabled = [&](const char* name, auto&& step) {
    *status.add_layers() = policy.disables(name) ? disabledLayer(name) : step();
  };
  *status.add_layers() = checkDieWithBrowser(spawned);
  engageUnlessDisabled("no-new-privs", [] { return setNoNewPrivs(); });
  engageUnlessDisabled("non-dumpable", [] { return setNonDumpable(); });
  engageUnlessDisabled("close-fds", [&] { return closeOtherFds(keep, policy.keep_stdio); });
  engageUnlessDisabled("rlimits", [&] { return applyResourceLimits(policy); });
  engageUnlessDisabled("capabilities", [] { return dropCapabilities(); });
  engageUnlessDisabled("landlock", [] { return engageLandlock(); });
  engageUnlessDisabled("seccomp-bpf", [&] {
    const bool reporter = installSigsysReporter(crash_fd);
    const int reporter_errno = errno;
    wire::SandboxLayer seccomp = engageSeccomp(policy.allow_shared_memory);
    if (!reporter) {
      seccomp.set_detail(seccomp.detail() + " (no SIGSYS reporter: " + errnoText(reporter_errno) + ")");
    }
    return seccomp;
  });
  return status;
}

void addNamespaceLayers(const process::Namespaces& namespaces, wire::SandboxStatus& status) {
  for (const auto& outcome : process::engagedOutcomes(namespaces)) {
    *status.add_layers() =
        engagedLayer(outcome.name + "-namespace", "set up by the launcher at spawn");
  }
}

wire::SandboxStatus engageChildSandbox(wire::ProcessKind kind, std::span<char* const> args,
                                       int channel_fd) {
  const ChildSandboxFlags flags = parseChildSandboxFlags(args);
  SandboxPolicy policy = policyFor(kind);
  policy.enabled = flags.enabled;
  policy.disabled_layers = flags.disabled_layers;
  // First, with or without a sandbox: a crash from here on leaves a backtrace on the crash fd.
  // (Nothing to log a failure to yet; the crash then simply has no note.)
  (void)installFatalSignalReporter(flags.crash_fd.value_or(-1));
  if (!policy.enabled) return engageSandbox(policy, {});
  preloadBeforeSandbox();
  const int keep[] = {channel_fd};
  const wire::SandboxStatus engaged = engageSandbox(
      policy, keep, flags.crash_fd.value_or(-1), flags.namespaces.value_or(process::Namespaces{}));
  wire::SandboxStatus status;
  status.set_enabled(true);
  if (flags.namespaces) addNamespaceLayers(*flags.namespaces, status);
  for (const auto& layer : engaged.layers()) *status.add_layers() = layer;
  return status;
}

void logSandboxStatus(const wire::SandboxStatus& status) {
  if (!status.enabled()) {
    spdlog::warn("--no-sandbox: running with every right of this user account");
    return;
  }
  int engaged = 0;
  for (const auto& layer : status.layers()) {
    if (layer.engaged()) {
      ++engaged;
    } else {
      spdlog::warn("sandbox layer {} did not engage: {}", layer.name(), layer.detail());
    }
  }
  spdlog::debug("sandbox: {} of {} layers engaged", engaged, status.layers_size());
}

}  // namespace sb::sandbox
