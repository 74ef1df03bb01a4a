#include "apps/browser/core/backtrace_text.h"

#include <cxxabi.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace sb::browser {
namespace {

// Longer mangled names are not demangled: no real symbol of ours comes close, and the demangler
// recurses on its input, which comes from an untrusted process.
constexpr size_t kMaxMangledChars = 1024;

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c >= 0x20 && c < 0x7f) out += c;
  }
  return out;
}

std::string bounded(std::string text) {
  if (text.size() > kMaxFrameChars) {
    text.resize(kMaxFrameChars - 3);
    text += "...";
  }
  return text;
}

std::string demangled(const std::string& symbol) {
  if (symbol.rfind("_Z", 0) != 0 || symbol.size() > kMaxMangledChars) return symbol;
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> name(
      abi::__cxa_demangle(symbol.c_str(), nullptr, nullptr, &status), &std::free);
  return status == 0 && name ? std::string(name.get()) : symbol;
}

}  // namespace

std::string demangleFrame(std::string_view raw) {
  const std::string line = printable(raw);
  std::string_view view(line);
  const size_t open = view.find('(');
  // The binary's path: its directory says nothing about the crash.
  const size_t path_end = open == std::string_view::npos ? view.find(' ') : open;
  const std::string_view path = view.substr(0, path_end);
  const size_t slash = path.rfind('/');
  const size_t start = slash == std::string_view::npos ? 0 : slash + 1;
  if (open == std::string_view::npos) return bounded(std::string(view.substr(start)));
  const size_t symbol_end = view.find_first_of("+)", open + 1);
  if (symbol_end == std::string_view::npos) return bounded(std::string(view.substr(start)));
  const std::string symbol(view.substr(open + 1, symbol_end - open - 1));
  return bounded(std::string(view.substr(start, open + 1 - start)) + demangled(symbol) +
                 std::string(view.substr(symbol_end)));
}

std::vector<std::string> backtraceFrames(std::string_view note, size_t max_frames) {
  std::vector<std::string> frames;
  bool inside = false;
  size_t at = 0;
  while (at < note.size() && frames.size() < max_frames) {
    const size_t end = std::min(note.find('\n', at), note.size());
    const std::string_view line = note.substr(at, end - at);
    at = end + 1;
    if (!inside) {
      inside = line == "backtrace:";
      continue;
    }
    if (line.empty()) break;
    frames.push_back(demangleFrame(line));
  }
  return frames;
}

}  // namespace sb::browser
