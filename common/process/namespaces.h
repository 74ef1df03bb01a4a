#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sb::process {

// The namespaces a child can be started in. Unless the browser runs as root, the others need the
// user namespace, which is why they are asked for together.
struct Namespaces {
  bool user = false;
  bool pid = false;
  bool net = false;
  bool ipc = false;

  static Namespaces all() { return {true, true, true, true}; }
  bool any() const { return user || pid || net || ipc; }
  // CLONE_NEWUSER | CLONE_NEWPID | ... for the ones set.
  unsigned long long cloneFlags() const;
  // "user,pid,net,ipc" (in that order, only the ones set): the value of --sandbox-namespaces=.
  std::string list() const;
  // The inverse of list(); unknown words are ignored.
  static Namespaces parse(std::string_view list);
};

// One namespace that was asked for at spawn, as the launcher saw it happen.
struct NamespaceOutcome {
  std::string name;  // "user", "pid", "net" or "ipc"
  bool engaged = false;
  std::string detail;  // what it isolates, or why it could not be set up
};

// One outcome per namespace set in `ns`, in list() order.
std::vector<NamespaceOutcome> engagedOutcomes(const Namespaces& ns);
std::vector<NamespaceOutcome> failedOutcomes(const Namespaces& ns, const std::string& why);
// Puts outcomes in list() order, the order in which they are reported.
void sortOutcomes(std::vector<NamespaceOutcome>& outcomes);

}  // namespace sb::process
