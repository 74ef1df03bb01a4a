#pragma once

#include <sys/types.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/process/namespaces.h"

namespace sb::renderer {

// What every renderer the zygote forks shares, decided once from the zygote's own command line.
struct ZygoteConfig {
  // The renderer's argv without its descriptors: the zygote's own, less --zygote and the flags
  // that named the zygote's channel, crash fd and namespaces (--no-sandbox and
  // --disable-sandbox-layer stay, so each renderer engages exactly what an exec'd one would).
  std::vector<std::string> renderer_args;
  bool sandbox = true;
  // The zygote's own namespaces, as its launcher reported them; nullopt when none were asked for.
  std::optional<process::Namespaces> zygote_namespaces;
  pid_t zygote_pid = 0;  // as the zygote sees itself, for the new renderer's getppid() check
  // "1000 1000 1\n": written into each renderer's new user namespace. Computed here because
  // inside it, before the map exists, geteuid() says "nobody".
  std::string uid_map;
  std::string gid_map;
};

ZygoteConfig zygoteConfigFrom(std::span<char* const> args);

}  // namespace sb::renderer
