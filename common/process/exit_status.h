#pragma once

#include <signal.h>

#include <string>

namespace sb::process {

// How a child ended, decoded from the siginfo that waitid() returns.
struct ExitStatus {
  enum class Kind { kExited, kKilled, kDumped };
  Kind kind = Kind::kExited;
  int code = 0;    // for kExited
  int signal = 0;  // for kKilled and kDumped

  static ExitStatus fromSiginfo(const siginfo_t& info);
  // From waitid()'s si_code (CLD_EXITED, CLD_KILLED, CLD_DUMPED) and si_status.
  static ExitStatus fromCodes(int child_code, int child_status);

  // True for signals that mean the program faulted (SIGSEGV, SIGABRT, ...), as opposed to being
  // stopped from outside (SIGKILL, SIGTERM, ...).
  bool isCrash() const;
  // "exited with code 3", "killed by SIGKILL (9)", "crashed: SIGSEGV (11), core dumped".
  std::string describe() const;
};

// "SIGKILL"; "signal 64" for numbers without a name.
std::string signalName(int signal);
// The number for "KILL", "SIGKILL" or "9"; 0 when it is none of those.
int signalFromName(const std::string& name);

}  // namespace sb::process
