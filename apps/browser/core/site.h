#pragma once

#include <QString>
#include <QUrl>

namespace sb::browser {

// The site a URL belongs to, as process-per-site groups tabs: scheme plus "registrable" host.
//   https://news.example.com:8443/a  -> "https://example.com"   (the last two host labels; the port
//                                        and path do not count, as in Chrome's site isolation)
//   http://example.com               -> "http://example.com"    (another scheme is another site)
//   https://10.0.0.7/, https://[::1]/ -> the whole address      (an IP address is its own site)
//   https://intranet/                -> "https://intranet"      (a single label is its own site)
//   demo://clock?x=1                 -> "demo://clock"          (each demo page is a site; the
//                                        query does not count)
// "Last two labels" is a deliberate simplification with no public-suffix list: every host under
// co.uk shares the site "co.uk". An empty string means the URL has no site (not http, https or
// demo, or no host); such a tab shares by site with nobody.
QString siteOf(const QUrl& url);

}  // namespace sb::browser
