#include "apps/browser/core/site.h"

#include <QStringList>

namespace sb::browser {
namespace {

// An IPv6 host keeps its colons; an IPv4 one ends in a number. The URL standard makes a host whose
// last label is numeric an IPv4 address, so no registered name looks like that.
bool isIpAddress(const QString& host) {
  if (host.contains(QLatin1Char(':'))) return true;
  const QString last = host.section(QLatin1Char('.'), -1);
  bool numeric = false;
  last.toUInt(&numeric);
  return numeric;
}

QString registrableHost(QString host) {
  if (host.endsWith(QLatin1Char('.'))) host.chop(1);  // "example.com." names example.com
  if (isIpAddress(host)) return host;
  const QStringList labels = host.split(QLatin1Char('.'));
  if (labels.size() <= 2) return host;
  return labels[labels.size() - 2] + QLatin1Char('.') + labels.last();
}

}  // namespace

QString siteOf(const QUrl& url) {
  if (!url.isValid()) return {};
  const QString scheme = url.scheme().toLower();
  const QString host = url.host().toLower();
  if (host.isEmpty()) return {};
  if (scheme == QLatin1String("demo")) return QStringLiteral("demo://") + host;
  if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) return {};
  const QString site = registrableHost(host);
  if (site.isEmpty() || site.startsWith(QLatin1Char('.'))) return {};
  // An IPv6 address goes back in brackets, so the site reads as a URL.
  return scheme + QStringLiteral("://") +
         (site.contains(QLatin1Char(':')) ? QLatin1Char('[') + site + QLatin1Char(']') : site);
}

}  // namespace sb::browser
