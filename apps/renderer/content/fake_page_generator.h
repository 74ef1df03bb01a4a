#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sandbrowser.pb.h"

namespace sb::renderer {

struct FakeLink {
  std::string text;
  std::string href;
};

// Everything a fake page shows, decided by the URL alone: the same URL always gives the same
// content, byte for byte, and nothing depends on time or on the process.
struct FakePageContent {
  std::string title;  // host + path
  std::string heading;
  std::string shown_url;  // the URL, shortened for display
  std::vector<std::string> paragraphs;
  uint32_t accent_argb = 0;
  uint32_t background_argb = 0;
  wire::Image picture;          // rect not set
  std::vector<FakeLink> links;  // three on the same host, then one to demo://home
};

FakePageContent generateFakePage(std::string_view url);

}  // namespace sb::renderer
