#include "common/process/exit_status.h"

#include <string.h>

#include <algorithm>
#include <cctype>

namespace sb::process {

ExitStatus ExitStatus::fromSiginfo(const siginfo_t& info) { return fromCodes(info.si_code, info.si_status); }

ExitStatus ExitStatus::fromCodes(int child_code, int child_status) {
  ExitStatus status;
  switch (child_code) {
    case CLD_EXITED:
      status.kind = Kind::kExited;
      status.code = child_status;
      break;
    case CLD_DUMPED:
      status.kind = Kind::kDumped;
      status.signal = child_status;
      break;
    default:
      status.kind = Kind::kKilled;
      status.signal = child_status;
      break;
  }
  return status;
}

bool ExitStatus::isCrash() const {
  if (kind == Kind::kExited) return false;
  switch (signal) {
    case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE: case SIGABRT: case SIGSYS: case SIGTRAP:
      return true;
    default:
      return kind == Kind::kDumped;
  }
}

std::string ExitStatus::describe() const {
  if (kind == Kind::kExited) return "exited with code " + std::to_string(code);
  std::string text = (isCrash() ? "crashed: " : "killed by ") + signalName(signal) + " (" +
                     std::to_string(signal) + ")";
  if (kind == Kind::kDumped) text += ", core dumped";
  return text;
}

std::string signalName(int signal) {
  if (const char* abbrev = sigabbrev_np(signal)) return std::string("SIG") + abbrev;
  return "signal " + std::to_string(signal);
}

int signalFromName(const std::string& name) {
  if (name.empty()) return 0;
  if (std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (name.size() > 3) return 0;
    const int number = std::stoi(name);
    return (number > 0 && number < NSIG) ? number : 0;
  }
  std::string bare = name.rfind("SIG", 0) == 0 ? name.substr(3) : name;
  for (int signal = 1; signal < NSIG; ++signal) {
    const char* abbrev = sigabbrev_np(signal);
    if (abbrev && bare == abbrev) return signal;
  }
  return 0;
}

}  // namespace sb::process
