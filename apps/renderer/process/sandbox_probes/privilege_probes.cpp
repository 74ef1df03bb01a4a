// Escape attempts on privileges and limits: capabilities, root, memory, mounts.
#include <sched.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <string>

#include "apps/renderer/process/sandbox_probes/forked_attempt.h"
#include "apps/renderer/process/sandbox_probes/probe_functions.h"
#include "apps/renderer/sandbox_probes/probe_report.h"

namespace sb::renderer::probes {
namespace {

// Twice the renderer's RLIMIT_AS under the sandbox, and more than most machines can back.
constexpr size_t kBeyondCapBytes = size_t{8} << 30;

// A source that cannot exist (nothing can be created in /proc/self), so a mount that passes its
// permission check fails right after it, with ENOENT, and nothing is ever mounted.
constexpr const char* kMissingMountSource = "/proc/self/sandbrowser-no-such-mount";

int unshareUserNamespace(const void*) { return ::unshare(CLONE_NEWUSER) == 0 ? 0 : errno; }

int becomeRoot(const void*) { return ::setuid(0) == 0 ? 0 : errno; }

// Credentials and namespaces change in a forked child, so the renderer stays as it was; without
// fork, in the renderer itself, where success would only be the renderer's own business.
ProbeOutcome changeSelfInChild(int (*attempt)(const void*), const std::string& what_worked) {
  const ForkedAttempt forked = runInForkedChild(attempt, nullptr);
  if (forked.forked()) {
    if (forked.signal) return ProbeOutcome::denied(0, describeChildSignal(forked.signal));
    if (forked.child_error) return ProbeOutcome::denied(forked.child_error, "in a forked child");
    return ProbeOutcome::allowed(what_worked + " (in a forked child)");
  }
  const std::string fork_failed = "fork: " + errnoName(forked.fork_error) + ", so tried directly";
  if (const int error = attempt(nullptr)) return ProbeOutcome::denied(error, fork_failed);
  return ProbeOutcome::allowed(what_worked + " (" + fork_failed + ")");
}

}  // namespace

ProbeOutcome newUserNamespace() {
  return changeSelfInChild(unshareUserNamespace,
                           "a new user namespace, with every capability in it");
}

ProbeOutcome setuidRoot() {
  const bool already_root = ::getuid() == 0;
  return changeSelfInChild(
      becomeRoot, already_root ? "already uid 0, and setuid(0) succeeded" : "became uid 0");
}

ProbeOutcome mapBeyondCap() {
  // MAP_NORESERVE: without the sandbox's address-space limit, only the mapping is made; no page
  // is ever touched, so no memory is used.
  void* block = ::mmap(nullptr, kBeyondCapBytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (block == MAP_FAILED) return ProbeOutcome::denied(errno);
  ::munmap(block, kBeyondCapBytes);
  return ProbeOutcome::allowed("8 GiB of address space mapped (never touched) and unmapped");
}

ProbeOutcome mountSomething() {
  if (::mount(kMissingMountSource, "/", nullptr, MS_MOVE, nullptr) == 0) {
    return ProbeOutcome::allowed("mounted");  // cannot happen: the source does not exist
  }
  const int error = errno;
  if (error == ENOENT) {
    return ProbeOutcome::allowed("passed the permission check; the source is missing on purpose",
                                 error);
  }
  return ProbeOutcome::denied(error);
}

}  // namespace sb::renderer::probes
