#pragma once

#include <cstdint>

#include "sandbrowser.pb.h"

namespace sb::renderer {

// A small generated landscape (sky, sun, two rows of hills) whose colours and shapes follow from
// `seed`: the same seed gives the same bytes. width and height are clamped to 1..256; the rect is
// left for the caller to set.
wire::Image generatePicture(int width, int height, uint64_t seed);

}  // namespace sb::renderer
