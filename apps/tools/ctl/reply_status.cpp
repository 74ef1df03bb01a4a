#include "apps/tools/ctl/reply_status.h"

#include <cctype>
#include <cstddef>

namespace sb::ctl {
namespace {

// Index just past the string that starts at `i` (a '"'); npos when it is not terminated.
size_t skipString(std::string_view text, size_t i) {
  for (++i; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

size_t skipSpace(std::string_view text, size_t i) {
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace

ReplyStatus replyStatus(std::string_view reply) {
  size_t i = skipSpace(reply, 0);
  if (i >= reply.size() || reply[i] != '{') return ReplyStatus::kUnrecognised;
  int depth = 0;
  bool expect_key = true;  // at depth 1, the next string is a member name
  while (i < reply.size()) {
    const char c = reply[i];
    if (c == '"') {
      const size_t end = skipString(reply, i);
      if (end == std::string_view::npos) return ReplyStatus::kUnrecognised;
      if (depth == 1 && expect_key && reply.substr(i, end - i) == "\"ok\"") {
        size_t v = skipSpace(reply, end);
        if (v >= reply.size() || reply[v] != ':') return ReplyStatus::kUnrecognised;
        v = skipSpace(reply, v + 1);
        if (reply.substr(v, 4) == "true") return ReplyStatus::kOk;
        if (reply.substr(v, 5) == "false") return ReplyStatus::kError;
        return ReplyStatus::kUnrecognised;
      }
      if (depth == 1) expect_key = false;
      i = end;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    if (depth == 1 && (c == ',' || c == '{')) expect_key = true;
    ++i;
  }
  return ReplyStatus::kUnrecognised;
}

}  // namespace sb::ctl
