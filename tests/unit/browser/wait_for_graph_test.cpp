#include "apps/browser/core/wait_for_graph.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

// Processes are only addresses to the graph.
const char processes[4] = {};
const char* const renderer = &processes[0];
const char* const plugin = &processes[1];
const char* const gpu = &processes[2];
const char* const other = &processes[3];

TEST(WaitForGraph, TwoProcessesWaitingForEachOtherAreACycleFromEitherSide) {
  WaitForGraph graph;
  EXPECT_TRUE(graph.addWait(renderer, plugin, 1));
  EXPECT_TRUE(graph.cycleThrough(renderer).empty()) << "one wait alone is no deadlock";
  EXPECT_TRUE(graph.addWait(plugin, renderer, 2));
  EXPECT_EQ(graph.cycleThrough(renderer), (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(graph.cycleThrough(plugin), (std::vector<uint64_t>{2, 1}));
}

TEST(WaitForGraph, RemovingOneWaitBreaksTheCycle) {
  WaitForGraph graph;
  graph.addWait(renderer, plugin, 1);
  graph.addWait(plugin, renderer, 2);
  graph.removeWait(2);
  EXPECT_TRUE(graph.cycleThrough(renderer).empty());
  EXPECT_TRUE(graph.waits(renderer));
  EXPECT_FALSE(graph.waits(plugin));
  EXPECT_EQ(graph.size(), 1u);
}

TEST(WaitForGraph, AChainIsAWaitNotADeadlock) {
  WaitForGraph graph;
  graph.addWait(renderer, plugin, 1);
  graph.addWait(plugin, gpu, 2);
  EXPECT_TRUE(graph.cycleThrough(renderer).empty());
  graph.addWait(gpu, renderer, 3);
  EXPECT_EQ(graph.cycleThrough(plugin), (std::vector<uint64_t>{2, 3, 1}));
}

TEST(WaitForGraph, ACycleThatDoesNotPassThroughTheStartIsFoundFromItsMembers) {
  WaitForGraph graph;
  graph.addWait(other, plugin, 1);
  graph.addWait(plugin, gpu, 2);
  graph.addWait(gpu, plugin, 3);
  EXPECT_TRUE(graph.cycleThrough(other).empty()) << "and the walk ends instead of looping";
  EXPECT_EQ(graph.cycleThrough(gpu), (std::vector<uint64_t>{3, 2}));
}

TEST(WaitForGraph, ABlockedProcessCannotWaitTwice) {
  WaitForGraph graph;
  EXPECT_TRUE(graph.addWait(renderer, plugin, 1));
  EXPECT_FALSE(graph.addWait(renderer, gpu, 2));
  EXPECT_EQ(graph.size(), 1u);
}

TEST(WaitForGraph, AProcessThatEndsTakesItsWaitsAndTheWaitsOnItAlong) {
  WaitForGraph graph;
  graph.addWait(renderer, plugin, 1);
  graph.addWait(plugin, gpu, 2);
  graph.addWait(other, plugin, 3);
  graph.removeNode(plugin);
  EXPECT_EQ(graph.size(), 0u);
  EXPECT_FALSE(graph.waits(renderer));
}

}  // namespace
}  // namespace sb::browser
