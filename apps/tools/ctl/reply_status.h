#pragma once

#include <string_view>

namespace sb::ctl {

enum class ReplyStatus { kOk, kError, kUnrecognised };

// The value of the top-level "ok" member of a reply line, found without a JSON library: a tiny
// scanner that skips strings and nested values, so an "ok" inside them is never mistaken for it.
ReplyStatus replyStatus(std::string_view reply);

}  // namespace sb::ctl
