#pragma once

#include <string_view>

#include "apps/renderer/layout/text_style.h"

namespace sb::renderer {

// The browser word-wraps text with its own fonts, which the renderer cannot measure, so these
// are estimates erring on the large side: a block that is a little too tall only leaves a gap,
// one that is too short overlaps the next.

// Pixels per line, including the gap between lines.
int lineHeight(const TextStyle& style);

// Lines the browser will most likely need for `text` wrapped at `width` pixels (at least 1).
int estimateLineCount(std::string_view text, const TextStyle& style, int width);

// Height of `text` wrapped at `width` pixels.
int estimateTextHeight(std::string_view text, const TextStyle& style, int width);

// Width of `text` on one line, capped at max_width; for link areas that hug their text.
int estimateLineWidth(std::string_view text, const TextStyle& style, int max_width);

}  // namespace sb::renderer
