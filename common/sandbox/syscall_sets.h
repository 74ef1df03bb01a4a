#pragma once

#include <span>

// The seccomp policy as data: what a sandboxed child may call, and the never-needed, dangerous
// calls that kill it on the spot. Everything else fails with EPERM. (Chromium's
// sandbox/linux/seccomp-bpf-helpers/baseline_policy.cc was the reference for what to deny.)
namespace sb::sandbox {

// What a rule checks beyond the syscall number.
enum class ArgCheck {
  kNone,
  kOwnProcess,     // arg0 is our own pid: kill()/tgkill() only at ourselves, so abort() works
  kNoExec,         // the prot argument has no PROT_EXEC: no new executable memory
  kFcntlCommand,   // a few descriptor-flag commands only
  kPrctlOption,    // reading and naming only
  kMadviseAdvice,  // giving memory back and hints; nothing that poisons or merges pages
  kMessageFlags,   // send/receive flags limited to non-blocking, no-SIGPIPE, close-on-exec
  kNoAddress,      // sendto() with no destination: send() on the connected channel only
  kReadOwnLimits,  // prlimit64(0, resource, NULL, old): reading our own limits only
  kSealCommand,    // fcntl F_ADD_SEALS / F_GET_SEALS only
};

struct AllowedSyscall {
  int number;
  const char* name;
  ArgCheck check;
};

struct TrappedSyscall {
  int number;
  const char* name;
};

std::span<const AllowedSyscall> allowedSyscalls();
// Added for a child that creates shared memory (the GPU process's frame buffers): a memfd, its
// size, and its seals. It still opens no file and creates no other descriptor.
std::span<const AllowedSyscall> sharedMemorySyscalls();
// Killed with SIGSYS through SECCOMP_RET_TRAP; the handler names them on the crash fd.
std::span<const TrappedSyscall> trappedSyscalls();
// The name of a trapped syscall, or nullptr. Async-signal-safe (a plain table walk).
const char* trappedSyscallName(long number);

}  // namespace sb::sandbox
