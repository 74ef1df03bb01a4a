#include "common/sandbox/seccomp_filter.h"

#include <fcntl.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>

#include "common/sandbox/layer.h"
#include "common/sandbox/syscall_sets.h"

namespace sb::sandbox {
namespace {

constexpr int kFcntlCommands[] = {F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD_CLOEXEC};
constexpr int kSealCommands[] = {F_ADD_SEALS, F_GET_SEALS};
constexpr int kPrctlOptions[] = {PR_GET_NAME,         PR_SET_NAME,    PR_GET_DUMPABLE,
                                 PR_GET_NO_NEW_PRIVS, PR_GET_SECCOMP, PR_GET_PDEATHSIG};
constexpr int kMadviseAdvice[] = {MADV_NORMAL,   MADV_RANDOM,    MADV_SEQUENTIAL, MADV_WILLNEED,
                                  MADV_DONTNEED, MADV_FREE,      MADV_DONTDUMP,   MADV_DODUMP,
                                  MADV_HUGEPAGE, MADV_NOHUGEPAGE};
constexpr scmp_datum_t kMessageFlags =
    MSG_DONTWAIT | MSG_NOSIGNAL | MSG_CMSG_CLOEXEC | MSG_PEEK | MSG_WAITALL;

struct ContextDeleter {
  void operator()(scmp_filter_ctx ctx) const { seccomp_release(ctx); }
};
using Context = std::unique_ptr<void, ContextDeleter>;

// One rule per allowed value: libseccomp ORs rules for the same syscall.
template <size_t N>
int allowEach(scmp_filter_ctx ctx, int number, unsigned arg, const int (&values)[N]) {
  for (int value : values) {
    const scmp_arg_cmp cmp{arg, SCMP_CMP_EQ, static_cast<scmp_datum_t>(value), 0};
    if (int rc = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, number, 1, &cmp); rc < 0) return rc;
  }
  return 0;
}

int allow(scmp_filter_ctx ctx, const AllowedSyscall& call, pid_t self) {
  const scmp_datum_t not_allowed_flags = ~kMessageFlags;
  switch (call.check) {
    case ArgCheck::kNone:
      return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, call.number, 0);
    case ArgCheck::kOwnProcess:
      return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, call.number, 1,
                              SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(self)));
    case ArgCheck::kNoExec:
      return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, call.number, 1,
                              SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    case ArgCheck::kFcntlCommand:
      return allowEach(ctx, call.number, 1, kFcntlCommands);
    case ArgCheck::kSealCommand:
      return allowEach(ctx, call.number, 1, kSealCommands);
    case ArgCheck::kPrctlOption:
      return allowEach(ctx, call.number, 0, kPrctlOptions);
    case ArgCheck::kMadviseAdvice:
      return allowEach(ctx, call.number, 2, kMadviseAdvice);
    case ArgCheck::kMessageFlags:
      return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, call.number, 1,
                              SCMP_A2(SCMP_CMP_MASKED_EQ, not_allowed_flags, 0));
    case ArgCheck::kNoAddress:
      return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, call.number, 2,
                              SCMP_A3(SCMP_CMP_MASKED_EQ, not_allowed_flags, 0),
                              SCMP_A4(SCMP_CMP_EQ, 0));
    case ArgCheck::kReadOwnLimits:
      return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, call.number, 2, SCMP_A0(SCMP_CMP_EQ, 0),
                              SCMP_A2(SCMP_CMP_EQ, 0));
  }
  return -EINVAL;
}

}  // namespace

wire::SandboxLayer engageSeccomp(bool allow_shared_memory) {
  Context ctx(seccomp_init(SCMP_ACT_ERRNO(EPERM)));
  if (!ctx) return failedLayer("seccomp-bpf", "seccomp_init", ENOMEM);
  // Raw errno values from libseccomp; a 32-bit or x32 entry into the kernel kills the process.
  int rc = seccomp_attr_set(ctx.get(), SCMP_FLTATR_API_SYSRAWRC, 1);
  if (rc == 0) rc = seccomp_attr_set(ctx.get(), SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
  if (rc == 0) rc = seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_TSYNC, 1);
  if (rc < 0) return failedLayer("seccomp-bpf", "seccomp_attr_set", -rc);

  const pid_t self = ::getpid();
  for (const auto& call : allowedSyscalls()) {
    if (rc = allow(ctx.get(), call, self); rc < 0) {
      return failedLayer("seccomp-bpf", std::string("rule for ") + call.name, -rc);
    }
  }
  size_t allowed = allowedSyscalls().size();
  if (allow_shared_memory) {
    for (const auto& call : sharedMemorySyscalls()) {
      if (rc = allow(ctx.get(), call, self); rc < 0) {
        return failedLayer("seccomp-bpf", std::string("rule for ") + call.name, -rc);
      }
    }
    allowed += sharedMemorySyscalls().size();
  }
  for (const auto& call : trappedSyscalls()) {
    if (rc = seccomp_rule_add(ctx.get(), SCMP_ACT_TRAP, call.number, 0); rc < 0) {
      return failedLayer("seccomp-bpf", std::string("rule for ") + call.name, -rc);
    }
  }
  // ENOSYS/EINVAL: a kernel without seccomp filters; EACCES: no no_new_privs.
  if (rc = seccomp_load(ctx.get()); rc < 0) return failedLayer("seccomp-bpf", "seccomp_load", -rc);
  return engagedLayer("seccomp-bpf",
                      "allowlist of " + std::to_string(allowed) +
                          (allow_shared_memory ? " syscalls (with memfd_create)" : " syscalls") +
                          ", anything else fails with EPERM; " +
                          std::to_string(trappedSyscalls().size()) +
                          " dangerous ones (kexec_load, bpf, ...) kill the process with SIGSYS");
}

}  // namespace sb::sandbox
