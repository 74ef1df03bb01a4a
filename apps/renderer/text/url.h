#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sb::renderer {

// The parts of a URL the renderer cares about. The browser validates URLs before it navigates,
// so this is lenient: it never fails, and any string (empty, no scheme, huge) gives some Url.
struct Url {
  std::string scheme;     // lower case; empty when the string has none
  std::string authority;  // host[:port], lower case, without user info; empty when absent
  std::string path;       // as written, "" or starting with '/' when there is an authority
  std::string query;      // without the '?'
};

Url parseUrl(std::string_view text);

// The value of `name` in a query string ("a=1&code=3"); nullopt when absent.
std::optional<std::string> queryValue(std::string_view query, std::string_view name);

}  // namespace sb::renderer
