#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "apps/plugin/plugin_core.h"
#include "sandbrowser.pb.h"

namespace sb::plugin::testing {

// A PluginCore that records what it sends, with shorthands for the browser's messages.
struct CoreHarness {
  explicit CoreHarness(PluginType type)
      : core(type, [this](wire::Envelope& envelope) { sent.push_back(envelope); }) {}

  void create(uint32_t id, int width = 560, int height = 160);
  void destroy(uint32_t id);
  void click(uint32_t id, int x = 10, int y = 10);
  void tick(std::chrono::milliseconds now) { core.tick(now); }

  // The PluginFrames sent so far for `id`, oldest first.
  std::vector<wire::PluginFrame> framesFor(uint32_t id) const;
  const wire::PluginFrame& lastFrame() const;

  std::vector<wire::Envelope> sent;
  PluginCore core;
};

// What the browser checks in a plugin's frame: only FillRect and DrawText, every rect inside the
// width x height box, the limits of common/ipc/wire_limits.h, title empty, content_height the box
// height, nothing scrolled, and a clean round trip through the wire format.
::testing::AssertionResult frameFitsBox(const wire::PluginFrame& frame, int width, int height);

// All DrawText strings of a frame, joined by newlines.
std::string allText(const wire::DisplayList& content);

}  // namespace sb::plugin::testing
