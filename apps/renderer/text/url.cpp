#include "apps/renderer/text/url.h"

#include <cctype>

namespace sb::renderer {
namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
bool isScheme(std::string_view text) {
  if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

}  // namespace

Url parseUrl(std::string_view text) {
  Url url;
  if (const size_t hash = text.find('#'); hash != std::string_view::npos)
    text = text.substr(0, hash);

  if (const size_t colon = text.find(':'); colon != std::string_view::npos) {
    if (isScheme(text.substr(0, colon))) {
      url.scheme = lowered(text.substr(0, colon));
      text.remove_prefix(colon + 1);
    }
  }
  if (text.starts_with("//")) {
    text.remove_prefix(2);
    const size_t end = text.find_first_of("/?");
    std::string_view authority = text.substr(0, end);
    if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
      authority.remove_prefix(at + 1);
    }
    url.authority = lowered(authority);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end);
  }
  const size_t question = text.find('?');
  url.path = std::string(text.substr(0, question));
  if (question != std::string_view::npos) url.query = std::string(text.substr(question + 1));
  return url;
}

std::optional<std::string> queryValue(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      return std::string(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

}  // namespace sb::renderer
