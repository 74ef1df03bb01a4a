#include "apps/renderer/text/utf8.h"

#include <cstdint>

namespace sb::renderer {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence starting at text[at], or 0 when it is not valid (overlong
// forms, surrogates and values past U+10FFFF included).
size_t validSequenceLength(std::string_view text, size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t min_value = 0;
  uint32_t value = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min_value = 0x80, value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min_value = 0x800, value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min_value = 0x10000, value = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[at + i]);
    if (!isContinuation(byte)) return 0;
    value = (value << 6) | (byte & 0x3F);
  }
  if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

std::string sanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at < text.size()) {
    if (const size_t length = validSequenceLength(text, at)) {
      out.append(text.substr(at, length));
      at += length;
    } else {
      out.append(kReplacement);
      ++at;
    }
  }
  return out;
}

std::string_view utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && isContinuation(static_cast<unsigned char>(text[end]))) --end;
  return text.substr(0, end);
}

std::string ellipsize(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  if (max_bytes < kEllipsis.size()) return std::string(utf8Prefix(text, max_bytes));
  std::string out(utf8Prefix(text, max_bytes - kEllipsis.size()));
  out.append(kEllipsis);
  return out;
}

void popLastCharacter(std::string& text) {
  while (!text.empty() && isContinuation(static_cast<unsigned char>(text.back()))) text.pop_back();
  if (!text.empty()) text.pop_back();
}

size_t countCharacters(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += isContinuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return count;
}

}  // namespace sb::renderer
