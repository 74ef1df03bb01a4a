#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "apps/plugin/box_canvas.h"
#include "apps/plugin/plugin_type.h"

namespace sb::plugin {

// One embedded box's worth of plugin: its state and how it looks. Time only moves when the core
// says so, so tests step animations exactly and nothing sleeps.
class PluginInstance {
 public:
  virtual ~PluginInstance() = default;

  // Moves the animation on by `elapsed`.
  virtual void advance(std::chrono::milliseconds elapsed) = 0;
  // A click at (x, y) in box coordinates.
  virtual void click(int x, int y) = 0;
  // Draws the current state; `frame_number` is shown, so a person sees the plugin is alive.
  virtual void paint(BoxCanvas& canvas, uint64_t frame_number) const = 0;
};

// An instance of `type` for a box of width x height. `seed` makes instances differ from one
// another while each stays deterministic.
std::unique_ptr<PluginInstance> makePluginInstance(PluginType type, int width, int height,
                                                   uint64_t seed);

}  // namespace sb::plugin
