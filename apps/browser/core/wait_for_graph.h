#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace sb::browser {

// Who waits for whom: one edge waiter -> holder for every blocking call in flight, named by the
// call. A blocked thread waits on one call at a time, so a waiter has at most one edge and a
// cycle is found by following edges from any process on it.
class WaitForGraph {
 public:
  using Node = const void*;  // a process (its host); never dereferenced

  // false when `waiter` already waits on a call: a blocked thread cannot make another.
  bool addWait(Node waiter, Node holder, uint64_t call);
  void removeWait(uint64_t call);
  // A process is gone: its own wait, and every edge into it.
  void removeNode(Node node);

  bool waits(Node waiter) const { return edges_.contains(waiter); }
  size_t size() const { return edges_.size(); }

  // The calls of the cycle through `start`, in order from `start`'s own call; empty when the
  // edges from `start` end at a process that waits for nothing (or run into a cycle that does
  // not pass through `start`, which is found from its own members).
  std::vector<uint64_t> cycleThrough(Node start) const;

 private:
  struct Edge {
    Node holder;
    uint64_t call;
  };
  std::map<Node, Edge> edges_;
};

}  // namespace sb::browser
