#include "apps/browser/core/url_policy.h"

#include <QRegularExpression>

#include "common/ipc/wire_limits.h"

namespace sb::browser {

std::variant<QUrl, UrlError> parseUrl(const QString& raw) {
  const QString text = raw.trimmed();
  if (text.isEmpty()) return UrlError{QObject::tr("Type a URL, for example demo://home")};
  if (static_cast<size_t>(text.size()) > ipc::WireLimits::kMaxUrlBytes) {
    return UrlError{QObject::tr("That URL is longer than %1 characters").arg(ipc::WireLimits::kMaxUrlBytes)};
  }
  if (text.contains(QRegularExpression(QStringLiteral("\\s")))) {
    return UrlError{QObject::tr("'%1' is not a URL: it contains spaces").arg(text)};
  }
  QString candidate = text;
  if (!candidate.contains(QStringLiteral("://"))) {
    // Chrome's omnibox would search; we have no search, so only host-looking input is accepted.
    if (!candidate.contains('.') || candidate.startsWith('.') || candidate.contains(':')) {
      return UrlError{QObject::tr("'%1' is not a URL: try demo://home or https://example.com").arg(text)};
    }
    candidate = QStringLiteral("https://") + candidate;
  }
  QUrl url(candidate, QUrl::StrictMode);
  if (!url.isValid()) {
    return UrlError{QObject::tr("'%1' is not a URL: %2").arg(text, url.errorString())};
  }
  const QString scheme = url.scheme().toLower();
  if (scheme == QLatin1String("demo")) {
    if (url.host().isEmpty()) return UrlError{QObject::tr("'%1' names no page: try demo://home").arg(text)};
    return url;
  }
  if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
    if (url.host().isEmpty()) return UrlError{QObject::tr("'%1' has no host").arg(text)};
    return url;
  }
  return UrlError{QObject::tr("'%1': the %2 scheme is not supported (use demo, http or https)").arg(text, scheme)};
}

}  // namespace sb::browser
