#include "common/sandbox/syscall_sets.h"

#include <sys/syscall.h>

namespace sb::sandbox {
namespace {

// Found by running the renderer under strace -f on demo://home, clock, form, news, leak, crash
// and abort and keeping what it calls after start-up (read, write, recvmsg, sendmsg, poll, brk,
// mmap, munmap, futex, close, getpid, gettid, rt_sigprocmask, tgkill, exit_group), plus the calls
// glibc makes on paths that run rarely: realloc of a big block (mremap), giving memory back
// (madvise), a clock without vDSO, a poll() restarted after SIGSTOP/SIGCONT (restart_syscall),
// returning from a signal handler (rt_sigreturn), abort() resetting its handler (rt_sigaction).
constexpr AllowedSyscall kAllowed[] = {
    // The channel and stderr. Descriptors are only used, never created: no open, socket, pipe.
    {SYS_read, "read", ArgCheck::kNone},
    {SYS_write, "write", ArgCheck::kNone},
    {SYS_readv, "readv", ArgCheck::kNone},
    {SYS_writev, "writev", ArgCheck::kNone},
    {SYS_close, "close", ArgCheck::kNone},
    {SYS_recvmsg, "recvmsg", ArgCheck::kMessageFlags},
    {SYS_sendmsg, "sendmsg", ArgCheck::kMessageFlags},
    {SYS_sendto, "sendto", ArgCheck::kNoAddress},
    {SYS_poll, "poll", ArgCheck::kNone},
    {SYS_ppoll, "ppoll", ArgCheck::kNone},
    {SYS_fcntl, "fcntl", ArgCheck::kFcntlCommand},
    // Memory: malloc, protobuf arenas, the leak page. Never executable.
    {SYS_brk, "brk", ArgCheck::kNone},
    {SYS_mmap, "mmap", ArgCheck::kNoExec},
    {SYS_mprotect, "mprotect", ArgCheck::kNoExec},
    {SYS_munmap, "munmap", ArgCheck::kNone},
    {SYS_mremap, "mremap", ArgCheck::kNone},
    {SYS_madvise, "madvise", ArgCheck::kMadviseAdvice},
    // Time and waiting (clock_gettime normally never leaves the vDSO).
    {SYS_clock_gettime, "clock_gettime", ArgCheck::kNone},
    {SYS_clock_getres, "clock_getres", ArgCheck::kNone},
    {SYS_gettimeofday, "gettimeofday", ArgCheck::kNone},
    {SYS_time, "time", ArgCheck::kNone},
    {SYS_nanosleep, "nanosleep", ArgCheck::kNone},
    {SYS_clock_nanosleep, "clock_nanosleep", ArgCheck::kNone},
    {SYS_futex, "futex", ArgCheck::kNone},
    {SYS_sched_yield, "sched_yield", ArgCheck::kNone},
    // Signals: handlers, masks, and abort()/raise() at ourselves only.
    {SYS_rt_sigaction, "rt_sigaction", ArgCheck::kNone},
    {SYS_rt_sigprocmask, "rt_sigprocmask", ArgCheck::kNone},
    {SYS_rt_sigreturn, "rt_sigreturn", ArgCheck::kNone},
    {SYS_sigaltstack, "sigaltstack", ArgCheck::kNone},
    {SYS_restart_syscall, "restart_syscall", ArgCheck::kNone},
    {SYS_kill, "kill", ArgCheck::kOwnProcess},
    {SYS_tgkill, "tgkill", ArgCheck::kOwnProcess},
    // Who am I, and leaving.
    {SYS_getpid, "getpid", ArgCheck::kNone},
    {SYS_gettid, "gettid", ArgCheck::kNone},
    {SYS_prctl, "prctl", ArgCheck::kPrctlOption},
    {SYS_prlimit64, "prlimit64", ArgCheck::kReadOwnLimits},
    {SYS_getrandom, "getrandom", ArgCheck::kNone},
    {SYS_exit, "exit", ArgCheck::kNone},
    {SYS_exit_group, "exit_group", ArgCheck::kNone},
};

constexpr AllowedSyscall kSharedMemory[] = {
    {SYS_memfd_create, "memfd_create", ArgCheck::kNone},
    {SYS_ftruncate, "ftruncate", ArgCheck::kNone},
    {SYS_fcntl, "fcntl", ArgCheck::kSealCommand},
};

// Nothing a child does needs these; each is a large kernel attack surface or changes the whole
// machine. Calling one is taken as a sign of compromise and ends the process.
constexpr TrappedSyscall kTrapped[] = {
    {SYS_kexec_load, "kexec_load"},
    {SYS_kexec_file_load, "kexec_file_load"},
    {SYS_init_module, "init_module"},
    {SYS_finit_module, "finit_module"},
    {SYS_delete_module, "delete_module"},
    {SYS_bpf, "bpf"},
    {SYS_perf_event_open, "perf_event_open"},
    {SYS_userfaultfd, "userfaultfd"},
    {SYS_keyctl, "keyctl"},
    {SYS_add_key, "add_key"},
    {SYS_request_key, "request_key"},
    {SYS_reboot, "reboot"},
    {SYS_swapon, "swapon"},
    {SYS_swapoff, "swapoff"},
    {SYS_pivot_root, "pivot_root"},
    {SYS_acct, "acct"},
#ifdef SYS_iopl
    {SYS_iopl, "iopl"},
#endif
#ifdef SYS_ioperm
    {SYS_ioperm, "ioperm"},
#endif
    {SYS_open_by_handle_at, "open_by_handle_at"},
    {SYS_name_to_handle_at, "name_to_handle_at"},
    {SYS_lookup_dcookie, "lookup_dcookie"},
    {SYS_quotactl, "quotactl"},
    {SYS_syslog, "syslog"},
    {SYS_vhangup, "vhangup"},
    {SYS_io_uring_setup, "io_uring_setup"},
    {SYS_io_uring_enter, "io_uring_enter"},
    {SYS_io_uring_register, "io_uring_register"},
    {SYS_fanotify_init, "fanotify_init"},
    {SYS_settimeofday, "settimeofday"},
    {SYS_clock_settime, "clock_settime"},
    {SYS_clock_adjtime, "clock_adjtime"},
    {SYS_adjtimex, "adjtimex"},
    {SYS_uselib, "uselib"},
};

}  // namespace

std::span<const AllowedSyscall> allowedSyscalls() { return kAllowed; }

std::span<const AllowedSyscall> sharedMemorySyscalls() { return kSharedMemory; }

std::span<const TrappedSyscall> trappedSyscalls() { return kTrapped; }

const char* trappedSyscallName(long number) {
  for (const auto& trapped : kTrapped) {
    if (trapped.number == number) return trapped.name;
  }
  return nullptr;
}

}  // namespace sb::sandbox
