#include "apps/renderer/layout/color.h"

#include <algorithm>
#include <cmath>

namespace sb::renderer {

uint32_t hslColor(double hue, double saturation, double lightness) {
  hue = std::fmod(std::fmod(hue, 360.0) + 360.0, 360.0);
  saturation = std::clamp(saturation, 0.0, 1.0);
  lightness = std::clamp(lightness, 0.0, 1.0);
  const double chroma = (1.0 - std::fabs(2.0 * lightness - 1.0)) * saturation;
  const double x = chroma * (1.0 - std::fabs(std::fmod(hue / 60.0, 2.0) - 1.0));
  const double m = lightness - chroma / 2.0;
  double r = 0, g = 0, b = 0;
  switch (static_cast<int>(hue / 60.0)) {
    case 0:
      r = chroma, g = x;
      break;
    case 1:
      r = x, g = chroma;
      break;
    case 2:
      g = chroma, b = x;
      break;
    case 3:
      g = x, b = chroma;
      break;
    case 4:
      r = x, b = chroma;
      break;
    default:
      r = chroma, b = x;
      break;
  }
  auto channel = [m](double v) {
    return static_cast<uint32_t>(std::clamp(std::lround((v + m) * 255.0), 0L, 255L));
  };
  return argb(255, channel(r), channel(g), channel(b));
}

uint32_t mixColor(uint32_t from, uint32_t to, double t) {
  t = std::clamp(t, 0.0, 1.0);
  uint32_t out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    const double a = (from >> shift) & 0xFF;
    const double b = (to >> shift) & 0xFF;
    out |= static_cast<uint32_t>(std::lround(a + (b - a) * t)) << shift;
  }
  return out;
}

}  // namespace sb::renderer
