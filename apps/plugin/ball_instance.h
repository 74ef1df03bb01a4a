#pragma once

#include <chrono>
#include <cstdint>

#include "apps/plugin/plugin_instance.h"

namespace sb::plugin {

// A ball bouncing off the edges of its box, with the frame number. A click paints it the next
// colour of a small palette.
class BallInstance final : public PluginInstance {
 public:
  static constexpr int kMaxBallSize = 64;

  BallInstance(int width, int height, uint64_t seed);

  void advance(std::chrono::milliseconds elapsed) override;
  void click(int x, int y) override;
  void paint(BoxCanvas& canvas, uint64_t frame_number) const override;

  int ballX() const;
  int ballY() const;
  int ballSize() const { return size_; }
  size_t colourIndex() const { return colour_; }

 private:
  // One axis of the motion. `phase` runs around a loop of twice the free distance; the first half
  // is the way out, the second the way back, so bounces need no special cases.
  struct Axis {
    double phase = 0;
    double speed = 0;  // pixels per second
    int travel = 0;    // box side minus ball size
    void advance(double seconds);
    int position() const;
  };

  int width_;
  int height_;
  int size_;
  Axis x_;
  Axis y_;
  size_t colour_ = 0;
};

}  // namespace sb::plugin
