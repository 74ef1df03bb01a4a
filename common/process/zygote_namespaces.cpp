#include "common/process/zygote_namespaces.h"

#include <filesystem>
#include <string>

namespace sb::process {
namespace {

std::string nsLink(const std::string& proc, const char* ns) {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/" + proc + "/ns/" + ns, error).string();
}

NamespaceOutcome observe(const char* name, pid_t child, pid_t zygote) {
  const std::string mine = nsLink(std::to_string(child), name);
  const std::string browsers = nsLink("self", name);
  const std::string zygotes = nsLink(std::to_string(zygote), name);
  const std::string kind(name);
  if (mine.empty() || browsers.empty()) {
    return {kind, false, "could not be read from /proc/" + std::to_string(child) + "/ns"};
  }
  if (mine == browsers) return {kind, false, "the browser's own: the zygote could not create one"};
  if (kind == "pid") {
    // A pid namespace of its own would make the renderer pid 1 (which cannot die of its own
    // signals) or need an init per renderer between it and the zygote.
    return {kind, true,
            "the zygote's pid namespace, shared with the zygote and the renderers it forked: "
            "no process outside it can be named"};
  }
  if (mine == zygotes) return {kind, true, "shared with the zygote: it could not create its own"};
  if (kind == "user") {
    return {kind, true,
            "own user namespace, nested in the zygote's: only the browser's uid and gid exist"};
  }
  if (kind == "net") return {kind, true, "own network namespace: no interface but a loopback that is down"};
  return {kind, true, "own System V IPC and POSIX message queues"};
}

}  // namespace

std::vector<NamespaceOutcome> observeZygoteChildNamespaces(pid_t child, pid_t zygote,
                                                           const Namespaces& wanted) {
  std::vector<NamespaceOutcome> outcomes;
  if (wanted.user) outcomes.push_back(observe("user", child, zygote));
  if (wanted.pid) outcomes.push_back(observe("pid", child, zygote));
  if (wanted.net) outcomes.push_back(observe("net", child, zygote));
  if (wanted.ipc) outcomes.push_back(observe("ipc", child, zygote));
  return outcomes;
}

}  // namespace sb::process
