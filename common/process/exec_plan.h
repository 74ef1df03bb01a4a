#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/process/launcher.h"

namespace sb::process {

// An argv and environment built before fork(): the child may only make async-signal-safe calls,
// because the browser has other threads whose locks fork() copies mid-flight. A move rebuilds
// the pointer arrays, which would otherwise point into the strings of the moved-from object.
class ExecPlan {
 public:
  ExecPlan(std::vector<std::string> args, std::vector<std::string> env);
  ExecPlan(ExecPlan&& other) noexcept;
  ExecPlan(const ExecPlan&) = delete;
  ExecPlan& operator=(const ExecPlan&) = delete;
  ExecPlan& operator=(ExecPlan&&) = delete;

  const char* path() const { return args_.front().c_str(); }
  char* const* argv() const { return argv_.data(); }
  char* const* envp() const { return envp_.data(); }
  const std::vector<std::string>& args() const { return args_; }
  const std::vector<std::string>& env() const { return env_; }

 private:
  void pointAtStrings();

  std::vector<std::string> args_;
  std::vector<std::string> env_;
  std::vector<char*> argv_;
  std::vector<char*> envp_;
};

// The program: the wrapper (if any) as `binary`, then the child, its arguments and the descriptor
// flags; `engaged` is the value for --sandbox-namespaces=, left out when namespaces were not
// asked for at all.
ExecPlan programPlan(const std::string& binary, const LaunchOptions& options,
                     const std::optional<Namespaces>& engaged);

// The namespace init: `init_binary -- <the program's argv>`, with the program's environment.
ExecPlan initPlan(const std::string& init_binary, const ExecPlan& program);

}  // namespace sb::process
