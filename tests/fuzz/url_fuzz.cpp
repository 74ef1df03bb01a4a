// What a person (or a page's link) can type into the address bar: any text, as UTF-8. Parsing,
// the URL policy and the site used by the process models must answer, never crash.
#include <QString>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "apps/browser/core/site.h"
#include "apps/browser/core/url_policy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
  const auto parsed = sb::browser::parseUrl(text);
  if (const auto* url = std::get_if<QUrl>(&parsed)) sb::browser::siteOf(*url);
  sb::browser::siteOf(QUrl(text));
  return 0;
}
