#include "apps/plugin/ball_instance.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "common/base/seeded_random.h"

namespace sb::plugin {
namespace {

constexpr uint32_t kBackground = 0xFFF4F6FB;
constexpr uint32_t kBorder = 0xFFDCE1EC;
constexpr uint32_t kMuted = 0xFF5E687E;

struct BallColour {
  std::string_view name;
  uint32_t argb;
};
constexpr std::array<BallColour, 6> kColours = {
    BallColour{"indigo", 0xFF4C5FD5}, BallColour{"coral", 0xFFFF6F61},
    BallColour{"teal", 0xFF1ABC9C},   BallColour{"amber", 0xFFF5A623},
    BallColour{"violet", 0xFF9B59B6}, BallColour{"crimson", 0xFFC0392B}};

}  // namespace

void BallInstance::Axis::advance(double seconds) {
  if (travel <= 0) return;
  const double loop = 2.0 * travel;
  phase = std::fmod(phase + speed * seconds, loop);
  if (phase < 0) phase += loop;
}

int BallInstance::Axis::position() const {
  if (travel <= 0) return 0;
  const double folded = phase <= travel ? phase : 2.0 * travel - phase;
  return std::clamp(static_cast<int>(folded), 0, travel);
}

BallInstance::BallInstance(int width, int height, uint64_t seed)
    : width_(width),
      height_(height),
      size_(std::clamp(std::min(width, height) / 4, 1, kMaxBallSize)) {
  // Each instance starts somewhere else and moves at its own speed, so two boxes on one page do
  // not move in lockstep.
  SeededRandom random(seed);
  x_.travel = std::max(0, width - size_);
  y_.travel = std::max(0, height - size_);
  x_.speed = 120.0 + random.unit() * 80.0;
  y_.speed = 90.0 + random.unit() * 60.0;
  x_.phase = random.unit() * 2.0 * x_.travel;
  y_.phase = random.unit() * 2.0 * y_.travel;
  colour_ = static_cast<size_t>(random.next() % kColours.size());
}

void BallInstance::advance(std::chrono::milliseconds elapsed) {
  const double seconds = std::max<double>(0.0, static_cast<double>(elapsed.count()) / 1000.0);
  x_.advance(seconds);
  y_.advance(seconds);
}

void BallInstance::click(int /*x*/, int /*y*/) { colour_ = (colour_ + 1) % kColours.size(); }

int BallInstance::ballX() const { return x_.position(); }
int BallInstance::ballY() const { return y_.position(); }

void BallInstance::paint(BoxCanvas& canvas, uint64_t frame_number) const {
  canvas.setBackground(kBackground);
  canvas.fill(BoxRect{0, 0, width_, height_}, kBackground, 0, kBorder);
  const TextLook small{.pixel_size = 12, .argb = kMuted};
  canvas.text(BoxRect{10, 6, std::max(1, width_ - 20), 18}, "frame " + std::to_string(frame_number),
              TextLook{.pixel_size = 12, .argb = kMuted, .monospace = true});
  canvas.text(BoxRect{10, height_ - 22, std::max(1, width_ - 20), 18},
              "Click to change colour (" + std::string(kColours[colour_].name) + ")", small);
  // Drawn last, so the ball passes over the text.
  canvas.fill(BoxRect{ballX(), ballY(), size_, size_}, kColours[colour_].argb, size_ / 2);
}

}  // namespace sb::plugin
