#include "common/process/exec_plan.h"

#include <cstdlib>

#include "common/process/command_line.h"

namespace sb::process {

ExecPlan::ExecPlan(std::vector<std::string> args, std::vector<std::string> env)
    : args_(std::move(args)), env_(std::move(env)) {
  pointAtStrings();
}

ExecPlan::ExecPlan(ExecPlan&& other) noexcept
    : args_(std::move(other.args_)), env_(std::move(other.env_)) {
  pointAtStrings();
}

void ExecPlan::pointAtStrings() {
  argv_.clear();
  envp_.clear();
  for (auto& s : args_) argv_.push_back(s.data());
  argv_.push_back(nullptr);
  for (auto& s : env_) envp_.push_back(s.data());
  envp_.push_back(nullptr);
}

ExecPlan programPlan(const std::string& binary, const LaunchOptions& options,
                     const std::optional<Namespaces>& engaged) {
  std::vector<std::string> args{binary};
  for (size_t i = 1; i < options.command_prefix.size(); ++i) {
    args.push_back(options.command_prefix[i]);
  }
  if (!options.command_prefix.empty()) args.push_back(*resolveExecutable(options.executable));
  for (const auto& arg : options.arguments) args.push_back(arg);
  args.push_back(std::string(kIpcFdFlag) + std::to_string(kChildChannelFd));
  args.push_back(std::string(kCrashFdFlag) + std::to_string(kChildCrashFd));
  if (engaged) args.push_back(std::string(kNamespacesFlag) + engaged->list());

  std::vector<std::string> env;
  for (const auto& name : options.environment_allowlist) {
    if (const char* value = std::getenv(name.c_str())) env.push_back(name + "=" + value);
  }
  for (const auto& entry : options.extra_environment) env.push_back(entry);
  return ExecPlan(std::move(args), std::move(env));
}

ExecPlan initPlan(const std::string& init_binary, const ExecPlan& program) {
  std::vector<std::string> args{init_binary, "--"};
  args.insert(args.end(), program.args().begin(), program.args().end());
  return ExecPlan(std::move(args), program.env());
}

}  // namespace sb::process
