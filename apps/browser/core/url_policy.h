#pragma once

#include <QString>
#include <QUrl>
#include <variant>

namespace sb::browser {

struct UrlError {
  QString message;  // shown in the address bar: "'foo bar' is not a URL: ..."
};

// Turns what a person typed, or what a renderer asked for, into a URL we are willing to load.
// The browser never trusts a renderer's string: it is parsed here like typed input.
//   demo://name[?query]        our pages
//   http(s)://host/path        any URL; becomes a generated fake page
//   example.com/x              typed without a scheme: https:// is assumed, as Chrome does
// Anything else (empty, spaces inside, no host, other schemes, too long) is an error.
std::variant<QUrl, UrlError> parseUrl(const QString& text);

}  // namespace sb::browser
