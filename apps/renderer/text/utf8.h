#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sb::renderer {

// Protobuf string fields must hold valid UTF-8 (the browser's parse fails otherwise), so every
// string the renderer did not write itself goes through sanitizeUtf8 before it is sent.

// `text` with each invalid byte sequence replaced by U+FFFD.
std::string sanitizeUtf8(std::string_view text);

// The longest prefix of valid UTF-8 `text` that fits in max_bytes without splitting a character.
std::string_view utf8Prefix(std::string_view text, size_t max_bytes);

// Valid UTF-8 `text` cut to at most max_bytes, ending in "…" when something was cut.
std::string ellipsize(std::string_view text, size_t max_bytes);

// Removes the last character (not the last byte) of valid UTF-8 `text`; nothing when empty.
void popLastCharacter(std::string& text);

// Characters (code points) in valid UTF-8 `text`.
size_t countCharacters(std::string_view text);

}  // namespace sb::renderer
