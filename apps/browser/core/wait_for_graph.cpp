#include "apps/browser/core/wait_for_graph.h"

#include <set>

namespace sb::browser {

bool WaitForGraph::addWait(Node waiter, Node holder, uint64_t call) {
  return edges_.emplace(waiter, Edge{holder, call}).second;
}

void WaitForGraph::removeWait(uint64_t call) {
  std::erase_if(edges_, [call](const auto& entry) { return entry.second.call == call; });
}

void WaitForGraph::removeNode(Node node) {
  edges_.erase(node);
  std::erase_if(edges_, [node](const auto& entry) { return entry.second.holder == node; });
}

std::vector<uint64_t> WaitForGraph::cycleThrough(Node start) const {
  std::vector<uint64_t> calls;
  std::set<Node> seen{start};
  Node at = start;
  for (;;) {
    const auto edge = edges_.find(at);
    if (edge == edges_.end()) return {};
    calls.push_back(edge->second.call);
    at = edge->second.holder;
    if (at == start) return calls;
    if (!seen.insert(at).second) return {};
  }
}

}  // namespace sb::browser
