#include "apps/renderer/content/picture_generator.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "apps/renderer/content/prng.h"
#include "apps/renderer/layout/color.h"
#include "common/ipc/wire_limits.h"

namespace sb::renderer {
namespace {

struct Palette {
  uint32_t sky_top;
  uint32_t sky_bottom;
  uint32_t sun;
  uint32_t far_hills;
  uint32_t near_hills;
};

Palette paletteFor(SeededRandom& random) {
  const double hue = random.between(0, 359);
  return Palette{
      .sky_top = hslColor(hue, 0.55, 0.62),
      .sky_bottom = hslColor(hue + 40, 0.70, 0.86),
      .sun = hslColor(hue + 180, 0.85, 0.70),
      .far_hills = hslColor(hue + 150, 0.30, 0.52),
      .near_hills = hslColor(hue + 140, 0.40, 0.32),
  };
}

// A ridge line as a sum of two waves: height in [0, 1] for x in [0, 1].
struct Ridge {
  double base, amplitude, frequency1, phase1, frequency2, phase2;
  double at(double x) const {
    return base + amplitude * (0.6 * std::sin(x * frequency1 + phase1) +
                               0.4 * std::sin(x * frequency2 + phase2));
  }
};

Ridge ridgeFor(SeededRandom& random, double base) {
  return Ridge{base,
               0.08 + 0.06 * random.unit(),
               3 + 5 * random.unit(),
               6.28 * random.unit(),
               9 + 8 * random.unit(),
               6.28 * random.unit()};
}

// How much of the pixel at (u, v) lies below the ridge, 0..1: soft edges survive scaling better.
double coverage(const Ridge& ridge, double u, double v, int height) {
  return std::clamp((ridge.at(u) - (1.0 - v)) * height + 0.5, 0.0, 1.0);
}

void putPixel(std::string& rgba, size_t index, uint32_t argb_value) {
  rgba[index * 4 + 0] = static_cast<char>((argb_value >> 16) & 0xFF);
  rgba[index * 4 + 1] = static_cast<char>((argb_value >> 8) & 0xFF);
  rgba[index * 4 + 2] = static_cast<char>(argb_value & 0xFF);
  rgba[index * 4 + 3] = static_cast<char>(0xFF);
}

}  // namespace

wire::Image generatePicture(int width, int height, uint64_t seed) {
  width = std::clamp(width, 1, ipc::WireLimits::kMaxImageSide);
  height = std::clamp(height, 1, ipc::WireLimits::kMaxImageSide);
  SeededRandom random(seed);
  const Palette palette = paletteFor(random);
  const Ridge far_ridge = ridgeFor(random, 0.42);
  const Ridge near_ridge = ridgeFor(random, 0.25);
  const double sun_x = 0.2 + 0.6 * random.unit();
  const double sun_y = 0.25 + 0.2 * random.unit();
  const double sun_radius = 0.10 + 0.05 * random.unit();
  const double aspect = static_cast<double>(width) / height;

  std::string rgba(static_cast<size_t>(width) * height * 4, '\0');
  for (int row = 0; row < height; ++row) {
    const double v = (row + 0.5) / height;  // 0 at the top
    for (int col = 0; col < width; ++col) {
      const double u = (col + 0.5) / width;
      uint32_t color = mixColor(palette.sky_top, palette.sky_bottom, v);
      const double dx = (u - sun_x) * aspect, dy = v - sun_y;
      const double sun_distance = std::sqrt(dx * dx + dy * dy);
      if (sun_distance < sun_radius) {
        color = palette.sun;
      } else if (sun_distance < sun_radius * 1.8) {  // a soft glow around the sun
        color = mixColor(palette.sun, color, (sun_distance - sun_radius) / (sun_radius * 0.8));
      }
      const uint32_t far_color = mixColor(palette.far_hills, palette.sky_bottom, 0.15 * v);
      color = mixColor(color, far_color, coverage(far_ridge, u, v, height));
      const uint32_t near_color = mixColor(palette.near_hills, 0xFF000000, 0.25 * v);
      color = mixColor(color, near_color, coverage(near_ridge, u, v, height));
      putPixel(rgba, static_cast<size_t>(row) * width + col, color);
    }
  }

  wire::Image image;
  image.set_width(width);
  image.set_height(height);
  image.set_rgba(std::move(rgba));
  return image;
}

}  // namespace sb::renderer
