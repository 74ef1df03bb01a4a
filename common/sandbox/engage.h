#pragma once

#include <span>

#include "common/process/namespaces.h"
#include "common/sandbox/sandbox_policy.h"
#include "sandbrowser.pb.h"

namespace sb::sandbox {

// Engages every layer of `policy`, in this order, and returns what the child reports in its Hello:
//
//   die-with-browser  checked only: the launcher set PR_SET_PDEATHSIG before exec
//   no-new-privs      first, because Landlock and an unprivileged seccomp filter require it
//   non-dumpable      before anything else can look at the process
//   close-fds         all but stdio, the channel and the crash fd (`keep_fds`)
//   rlimits           address space, open files, processes, core
//   capabilities      all dropped; nothing below needs one
//   landlock          no filesystem, no TCP, nothing outside the sandbox
//   seccomp-bpf       last: the earlier steps make calls the filter would refuse
//
// A layer the kernel does not offer is reported with engaged=false and the errno, and the rest
// still engage. With policy.enabled false nothing is touched and the status says so. Call it from
// a single-threaded child, after start-up and preloadBeforeSandbox(), before the Hello.
// `spawned`: the namespaces the launcher set up (they change what die-with-browser relies on).
wire::SandboxStatus engageSandbox(const SandboxPolicy& policy, std::span<const int> keep_fds,
                                  int crash_fd = -1, const process::Namespaces& spawned = {});

// "user-namespace", ...: the namespaces the launcher reports as set up at spawn, as layers.
void addNamespaceLayers(const process::Namespaces& namespaces, wire::SandboxStatus& status);

// The whole child side in one call: --no-sandbox, --crash-fd and --sandbox-namespaces from the
// command line, the fatal-signal reporter on the crash fd (fatal_signal_reporter.h), preloading,
// then engageSandbox() for `kind`, keeping the channel and the crash fd. The spawn-time namespaces come first in the status. It logs nothing: a forwarded log record
// before the Hello would be a protocol error.
wire::SandboxStatus engageChildSandbox(wire::ProcessKind kind, std::span<char* const> args,
                                       int channel_fd);

// After the Hello: a warning for --no-sandbox and for each layer that did not engage.
void logSandboxStatus(const wire::SandboxStatus& status);

}  // namespace sb::sandbox
