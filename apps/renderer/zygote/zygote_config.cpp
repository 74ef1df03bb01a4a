#include "apps/renderer/zygote/zygote_config.h"

#include <unistd.h>

#include <string_view>

#include "common/process/spawn_protocol.h"
#include "common/process/zygote_protocol.h"

namespace sb::renderer {

ZygoteConfig zygoteConfigFrom(std::span<char* const> args) {
  ZygoteConfig config;
  for (size_t i = 0; i < args.size(); ++i) {
    if (!args[i]) continue;
    const std::string_view arg(args[i]);
    if (i > 0 && (arg == process::kZygoteFlag || arg.starts_with(process::kIpcFdFlag) ||
                  arg.starts_with(process::kCrashFdFlag))) {
      continue;
    }
    if (arg.starts_with(process::kNamespacesFlag)) {
      config.zygote_namespaces =
          process::Namespaces::parse(arg.substr(process::kNamespacesFlag.size()));
      continue;
    }
    if (arg == process::kNoSandboxFlag) config.sandbox = false;
    config.renderer_args.emplace_back(arg);
  }
  config.zygote_pid = ::getpid();
  const auto uid = std::to_string(::geteuid());
  const auto gid = std::to_string(::getegid());
  config.uid_map = uid + " " + uid + " 1\n";
  config.gid_map = gid + " " + gid + " 1\n";
  return config;
}

}  // namespace sb::renderer
