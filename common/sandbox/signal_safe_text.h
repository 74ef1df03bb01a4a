#pragma once

namespace sb::sandbox {

// Line building for signal handlers: no allocation, no locale, no stdio, so it is
// async-signal-safe. Each call writes at `at`, never past `end`, and returns the new end.

inline char* appendText(char* at, const char* end, const char* text) {
  while (*text && at < end) *at++ = *text++;
  return at;
}

inline char* appendNumber(char* at, const char* end, long value) {
  char digits[24];
  int n = 0;
  unsigned long rest =
      value < 0 ? 0ul - static_cast<unsigned long>(value) : static_cast<unsigned long>(value);
  do {
    digits[n++] = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest && n < static_cast<int>(sizeof(digits)));
  if (value < 0 && at < end) *at++ = '-';
  while (n > 0 && at < end) *at++ = digits[--n];
  return at;
}

}  // namespace sb::sandbox
