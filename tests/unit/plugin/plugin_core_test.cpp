#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "tests/unit/plugin/plugin_test_support.h"

namespace sb::plugin::testing {
namespace {

using std::chrono::milliseconds;

TEST(PluginCore, CreateSendsAFirstFrameSizedToTheBox) {
  CoreHarness harness(PluginType::kTicker);
  harness.create(7, 560, 160);
  EXPECT_EQ(harness.core.instanceCount(), 1u);
  EXPECT_TRUE(harness.core.hasInstance(7));
  ASSERT_EQ(harness.sent.size(), 1u);
  const wire::Envelope& envelope = harness.sent[0];
  ASSERT_TRUE(envelope.has_plugin_frame());
  EXPECT_EQ(envelope.tab_id(), 0u) << "plugin frames are process-wide, not a tab's";
  EXPECT_EQ(envelope.plugin_frame().instance_id(), 7u);
  EXPECT_EQ(envelope.plugin_frame().content().frame_number(), 1u);
  EXPECT_TRUE(frameFitsBox(envelope.plugin_frame(), 560, 160));
}

TEST(PluginCore, EveryTickSendsOneFramePerLiveInstanceWithRisingFrameNumbers) {
  CoreHarness harness(PluginType::kBall);
  harness.create(1);
  harness.create(2, 300, 100);
  harness.sent.clear();
  for (int i = 0; i < 5; ++i) harness.tick(milliseconds(100 * i));
  const auto first = harness.framesFor(1);
  const auto second = harness.framesFor(2);
  ASSERT_EQ(first.size(), 5u);
  ASSERT_EQ(second.size(), 5u);
  EXPECT_EQ(harness.sent.size(), 10u);
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].content().frame_number(), i + 2);  // frame 1 went out at creation
    EXPECT_TRUE(frameFitsBox(second[i], 300, 100));
  }
}

TEST(PluginCore, ADestroyedInstanceGetsNoMoreFrames) {
  CoreHarness harness(PluginType::kTicker);
  harness.create(1);
  harness.create(2);
  harness.tick(milliseconds(0));
  harness.destroy(1);
  EXPECT_FALSE(harness.core.hasInstance(1));
  EXPECT_EQ(harness.core.instanceCount(), 1u);
  harness.sent.clear();
  harness.tick(milliseconds(100));
  harness.tick(milliseconds(200));
  EXPECT_TRUE(harness.framesFor(1).empty());
  EXPECT_EQ(harness.framesFor(2).size(), 2u);

  harness.destroy(2);
  harness.sent.clear();
  harness.tick(milliseconds(300));
  EXPECT_TRUE(harness.sent.empty()) << "no instance, no frame";
}

TEST(PluginCore, UnknownInstanceIdsAreIgnored) {
  CoreHarness harness(PluginType::kBall);
  harness.create(1);
  harness.sent.clear();
  harness.destroy(99);
  harness.click(99);
  EXPECT_TRUE(harness.sent.empty());
  EXPECT_EQ(harness.core.instanceCount(), 1u);
  EXPECT_TRUE(harness.core.hasInstance(1));
}

TEST(PluginCore, IdZeroAndADuplicateCreateAreRefused) {
  CoreHarness harness(PluginType::kTicker);
  harness.create(0);
  EXPECT_EQ(harness.core.instanceCount(), 0u);
  harness.create(5);
  harness.click(5);  // paused: a replacement would be running again
  harness.sent.clear();
  harness.create(5, 100, 100);
  EXPECT_TRUE(harness.sent.empty());
  EXPECT_EQ(harness.core.instanceCount(), 1u);
  harness.tick(milliseconds(0));
  EXPECT_TRUE(frameFitsBox(harness.lastFrame(), 560, 160)) << "the first instance's size stays";
  EXPECT_NE(allText(harness.lastFrame().content()).find("PAUSED"), std::string::npos);
}

TEST(PluginCore, SizesOutsideOneTo4096AreRefused) {
  CoreHarness harness(PluginType::kBall);
  const int bad[][2] = {{0, 10},    {10, 0},    {-1, 10},          {10, -5},
                        {4097, 10}, {10, 4097}, {1 << 30, 1 << 30}};
  uint32_t id = 1;
  for (const auto& size : bad) harness.create(id++, size[0], size[1]);
  EXPECT_EQ(harness.core.instanceCount(), 0u);
  EXPECT_TRUE(harness.sent.empty());
  harness.create(id++, 1, 1);
  harness.create(id++, 4096, 4096);
  EXPECT_EQ(harness.core.instanceCount(), 2u);
}

TEST(PluginCore, TheInstanceCapIsEnforced) {
  CoreHarness harness(PluginType::kTicker);
  for (uint32_t id = 1; id <= PluginLimits::kMaxInstances; ++id) harness.create(id, 50, 20);
  EXPECT_EQ(harness.core.instanceCount(), PluginLimits::kMaxInstances);
  harness.sent.clear();
  harness.create(1000, 50, 20);
  EXPECT_FALSE(harness.core.hasInstance(1000));
  EXPECT_TRUE(harness.sent.empty());
  // A freed slot can be used again.
  harness.destroy(3);
  harness.create(1000, 50, 20);
  EXPECT_TRUE(harness.core.hasInstance(1000));
  EXPECT_EQ(harness.core.instanceCount(), PluginLimits::kMaxInstances);
}

TEST(PluginCore, MessagesForOtherProcessesAreNotHandled) {
  CoreHarness harness(PluginType::kBall);
  wire::Envelope navigate;
  navigate.mutable_navigate()->set_url("demo://home");
  EXPECT_EQ(harness.core.handle(navigate), HandleResult::kNotForPlugin);
  wire::Envelope fault;
  fault.mutable_debug_fault()->set_kind(wire::DebugFault::KIND_SEGV);
  EXPECT_EQ(harness.core.handle(fault), HandleResult::kNotForPlugin);
  EXPECT_EQ(harness.core.handle(wire::Envelope()), HandleResult::kNotForPlugin);
  EXPECT_TRUE(harness.sent.empty());
}

TEST(PluginCore, AnInputWithoutAClickIsIgnored) {
  CoreHarness harness(PluginType::kBall);
  harness.create(1);
  harness.sent.clear();
  wire::Envelope envelope;
  envelope.mutable_plugin_input()->set_instance_id(1);
  EXPECT_EQ(harness.core.handle(envelope), HandleResult::kHandled);
  EXPECT_TRUE(harness.sent.empty());
}

TEST(PluginCore, ALongPauseBetweenTicksMovesAtMostOneStep) {
  // A process stopped for an hour resumes where a 500 ms step would take it.
  CoreHarness stalled(PluginType::kTicker);
  CoreHarness steady(PluginType::kTicker);
  for (CoreHarness* harness : {&stalled, &steady}) {
    harness->create(1);
    harness->tick(milliseconds(0));
  }
  stalled.tick(milliseconds(3'600'000));
  steady.tick(PluginLimits::kMaxStep);
  EXPECT_EQ(stalled.lastFrame().SerializeAsString(), steady.lastFrame().SerializeAsString());
  // Time going backwards moves nothing.
  stalled.tick(milliseconds(0));
  steady.tick(PluginLimits::kMaxStep);  // zero elapsed for this one too
  EXPECT_EQ(stalled.lastFrame().SerializeAsString(), steady.lastFrame().SerializeAsString());
}

TEST(PluginCore, TheSameMessagesGiveTheSameFrames) {
  CoreHarness a(PluginType::kBall);
  CoreHarness b(PluginType::kBall);
  for (CoreHarness* harness : {&a, &b}) {
    harness->create(4, 400, 120);
    for (int i = 0; i < 8; ++i) harness->tick(milliseconds(100 * i));
    harness->click(4);
  }
  ASSERT_EQ(a.sent.size(), b.sent.size());
  for (size_t i = 0; i < a.sent.size(); ++i)
    EXPECT_EQ(a.sent[i].SerializeAsString(), b.sent[i].SerializeAsString()) << i;
}

}  // namespace
}  // namespace sb::plugin::testing
