#pragma once

#include <QString>
#include <QUrl>

namespace sb::browser {

// Whether `url` is the built-in page demo://NAME (with or without a trailing slash): the pages
// that may ask the browser for more than others (the IPC lab's helper, demo://deadlock's calls).
inline bool isDemoPage(const QUrl& url, const QString& name) {
  QString page = url.host() + url.path();
  while (page.endsWith(QLatin1Char('/'))) page.chop(1);
  return url.scheme() == QLatin1String("demo") && page == name;
}

}  // namespace sb::browser
