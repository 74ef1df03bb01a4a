#pragma once

#include "common/process/namespaces.h"
#include "sandbrowser.pb.h"

// The small prctl() layers. Each returns the layer as the child reports it.
namespace sb::sandbox {

// Reports the PR_SET_PDEATHSIG the launcher set (it must be set before exec, so the child can
// only check it): the child is killed when the browser's launching thread goes away. Under a
// wrapper (strace, gdb) the child has none of its own, but in a pid namespace it still dies with
// the browser: the namespace's init has it, and the kernel kills the whole namespace with it.
wire::SandboxLayer checkDieWithBrowser(const process::Namespaces& spawned);
// PR_SET_NO_NEW_PRIVS: execve can never grant privileges again (setuid bits, file capabilities).
// Landlock and an unprivileged seccomp filter require it.
wire::SandboxLayer setNoNewPrivs();
// PR_SET_DUMPABLE 0: no core dump, and processes of the same user cannot ptrace this one or
// read its memory and most of its /proc files.
wire::SandboxLayer setNonDumpable();
// Empties the effective, permitted, inheritable and ambient capability sets. Matters when the
// browser runs as root, and inside a user namespace, where the child would otherwise hold every
// capability over its own namespaces.
wire::SandboxLayer dropCapabilities();

}  // namespace sb::sandbox
