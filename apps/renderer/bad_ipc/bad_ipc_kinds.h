#pragma once

#include <span>
#include <string_view>

namespace sb::renderer {

// The ways demo://badipc breaks the protocol, one per URL (demo://badipc?kind=NAME).
enum class BadIpcKind {
  kWrongTab,
  kFutureNavigation,
  kHugeImage,
  kBadImageData,
  kTooManyItems,
  kBadPixelSize,
  kBrowserOnly,
  kSecondHello,
  kUnknownKind,
  kOversizeFrame,
  kGarbage,
  kFlood,
  kIpcLabElsewhere,
  kCallElsewhere,
  kUnaskedCallReply,
};

struct BadIpcKindInfo {
  BadIpcKind kind;
  std::string_view name;          // as in the URL
  std::string_view sends;         // what the renderer sends, for the page
  std::string_view browser_says;  // the start of the reason the browser should give
};

// Every kind, in the order of BadIpcKind.
std::span<const BadIpcKindInfo> badIpcKinds();
// The kind with this URL name; nullptr when there is none.
const BadIpcKindInfo* findBadIpcKind(std::string_view name);

}  // namespace sb::renderer
