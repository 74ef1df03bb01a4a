#include "common/process/namespaces.h"

#include <sched.h>

#include <algorithm>
#include <iterator>

namespace sb::process {
namespace {

struct Kind {
  bool Namespaces::*member;
  const char* name;
  unsigned long long flag;
  const char* isolates;
};

constexpr Kind kKinds[] = {
    {&Namespaces::user, "user", CLONE_NEWUSER,
     "own user namespace: only the browser's uid and gid exist, mapped to themselves"},
    {&Namespaces::pid, "pid", CLONE_NEWPID,
     "own pid namespace: sees only itself and its init, cannot name any other process"},
    {&Namespaces::net, "net", CLONE_NEWNET,
     "own network namespace: no interface but a loopback that is down"},
    {&Namespaces::ipc, "ipc", CLONE_NEWIPC, "own System V IPC and POSIX message queues"},
};

}  // namespace

unsigned long long Namespaces::cloneFlags() const {
  unsigned long long flags = 0;
  for (const auto& kind : kKinds) {
    if (this->*kind.member) flags |= kind.flag;
  }
  return flags;
}

std::string Namespaces::list() const {
  std::string text;
  for (const auto& kind : kKinds) {
    if (!(this->*kind.member)) continue;
    if (!text.empty()) text += ',';
    text += kind.name;
  }
  return text;
}

Namespaces Namespaces::parse(std::string_view list) {
  Namespaces ns;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view word = list.substr(0, comma);
    for (const auto& kind : kKinds) {
      if (word == kind.name) ns.*kind.member = true;
    }
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return ns;
}

std::vector<NamespaceOutcome> engagedOutcomes(const Namespaces& ns) {
  std::vector<NamespaceOutcome> outcomes;
  for (const auto& kind : kKinds) {
    if (ns.*kind.member) outcomes.push_back({kind.name, true, kind.isolates});
  }
  return outcomes;
}

std::vector<NamespaceOutcome> failedOutcomes(const Namespaces& ns, const std::string& why) {
  std::vector<NamespaceOutcome> outcomes;
  for (const auto& kind : kKinds) {
    if (ns.*kind.member) outcomes.push_back({kind.name, false, why});
  }
  return outcomes;
}

void sortOutcomes(std::vector<NamespaceOutcome>& outcomes) {
  auto rank = [](const NamespaceOutcome& outcome) {
    const auto it = std::find_if(std::begin(kKinds), std::end(kKinds),
                                 [&](const Kind& kind) { return outcome.name == kind.name; });
    return std::distance(std::begin(kKinds), it);
  };
  std::stable_sort(outcomes.begin(), outcomes.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
}

}  // namespace sb::process
