#pragma once

#include <cstdint>

namespace sb::renderer {

constexpr uint32_t argb(uint32_t a, uint32_t r, uint32_t g, uint32_t b) {
  return (a << 24) | (r << 16) | (g << 8) | b;
}

// Hue in degrees [0, 360), saturation and lightness in [0, 1]; opaque.
uint32_t hslColor(double hue, double saturation, double lightness);

// Linear blend: t = 0 gives `from`, t = 1 gives `to` (all four channels).
uint32_t mixColor(uint32_t from, uint32_t to, double t);

}  // namespace sb::renderer
