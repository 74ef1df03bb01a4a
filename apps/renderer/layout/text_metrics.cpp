#include "apps/renderer/layout/text_metrics.h"

#include <algorithm>
#include <cmath>

#include "apps/renderer/text/utf8.h"

namespace sb::renderer {
namespace {

// Average advance of one character relative to the pixel size: about 0.55 for a proportional
// sans-serif font, wider for bold and for monospace.
double averageCharWidth(const TextStyle& style) {
  double factor = style.monospace ? 0.62 : 0.55;
  if (style.bold) factor += 0.04;
  return factor * std::max(style.pixel_size, 1);
}

int charsPerLine(const TextStyle& style, int width) {
  return std::max(1, static_cast<int>(std::max(width, 1) / averageCharWidth(style)));
}

// Greedy word wrap of one line without '\n', the way Qt's word wrap breaks it. A word longer than
// a line is counted as broken into pieces, which over- rather than underestimates.
int wrappedLines(std::string_view line, int per_line) {
  int lines = 1;
  int used = 0;
  while (!line.empty()) {
    const size_t space = line.find(' ');
    const std::string_view word = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    const int length = static_cast<int>(countCharacters(word));
    if (used > 0 && used + 1 + length <= per_line) {
      used += 1 + length;
      continue;
    }
    if (used > 0) ++lines;
    lines += std::max(0, (length - 1) / per_line);
    used = length == 0 ? 0 : (length - 1) % per_line + 1;
  }
  return lines;
}

}  // namespace

int lineHeight(const TextStyle& style) {
  return static_cast<int>(std::ceil(std::max(style.pixel_size, 1) * 1.35));
}

int estimateLineCount(std::string_view text, const TextStyle& style, int width) {
  const int per_line = charsPerLine(style, width);
  int lines = 0;
  while (true) {
    const size_t newline = text.find('\n');
    lines += wrappedLines(text.substr(0, newline), per_line);
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return lines;
}

int estimateTextHeight(std::string_view text, const TextStyle& style, int width) {
  return estimateLineCount(text, style, width) * lineHeight(style);
}

int estimateLineWidth(std::string_view text, const TextStyle& style, int max_width) {
  // Generous: a box narrower than the real text would make the browser wrap (and clip) it.
  const double width = static_cast<double>(countCharacters(text)) * averageCharWidth(style) * 1.25;
  return std::min(max_width, static_cast<int>(std::ceil(width)) + 8);
}

}  // namespace sb::renderer
