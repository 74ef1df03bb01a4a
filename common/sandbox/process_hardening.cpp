#include "common/sandbox/process_hardening.h"

#include <linux/capability.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <string>

#include "common/sandbox/layer.h"

namespace sb::sandbox {

wire::SandboxLayer checkDieWithBrowser(const process::Namespaces& spawned) {
  int signal = 0;
  if (::prctl(PR_GET_PDEATHSIG, &signal) != 0) {
    return failedLayer("die-with-browser", "prctl(PR_GET_PDEATHSIG)", errno);
  }
  if (signal != SIGKILL && spawned.pid) {
    return engagedLayer("die-with-browser",
                        "through its pid namespace, whose init has PR_SET_PDEATHSIG(SIGKILL)");
  }
  if (signal != SIGKILL) {
    wire::SandboxLayer layer;
    layer.set_name("die-with-browser");
    layer.set_detail(
        "no PR_SET_PDEATHSIG from the launcher (started under a wrapper such as strace or gdb?)");
    return layer;
  }
  return engagedLayer("die-with-browser",
                      "PR_SET_PDEATHSIG(SIGKILL): killed when the browser goes away");
}

wire::SandboxLayer setNoNewPrivs() {
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    return failedLayer("no-new-privs", "prctl(PR_SET_NO_NEW_PRIVS)", errno);
  }
  return engagedLayer(
      "no-new-privs",
      "execve cannot gain privileges: setuid bits and file capabilities are ignored");
}

wire::SandboxLayer setNonDumpable() {
  if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
    return failedLayer("non-dumpable", "prctl(PR_SET_DUMPABLE)", errno);
  }
  return engagedLayer(
      "non-dumpable",
      "no core dumps; other processes of this user cannot ptrace it or read its memory");
}

wire::SandboxLayer dropCapabilities() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
  int held = 0;
  if (::syscall(SYS_capget, &header, data) == 0) {
    for (const auto& word : data) held += std::popcount(word.permitted);
  }
  if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) {
    return failedLayer("capabilities", "prctl(PR_CAP_AMBIENT_CLEAR_ALL)", errno);
  }
  __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3] = {};
  if (::syscall(SYS_capset, &header, none) != 0) {
    return failedLayer("capabilities", "capset", errno);
  }
  return engagedLayer("capabilities", held ? "all dropped (it held " + std::to_string(held) + ")"
                                           : "none held, none can be gained");
}

}  // namespace sb::sandbox
