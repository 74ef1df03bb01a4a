#pragma once

// Waiting on a Browser's tabs, shared by the integration tests that drive Browser directly.

#include <gtest/gtest.h>

#include <QString>
#include <chrono>
#include <string>

#include "apps/browser/core/browser.h"
#include "tests/support/qt_wait.h"

namespace sb::testing {

inline bool waitForState(const browser::Browser& browser, int tab, browser::TabState state,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  return waitUntil(
      [&] {
        const browser::Tab* t = browser.tab(tab);
        return t && t->state == state;
      },
      timeout);
}

// Opens a tab and waits until its first list arrived; 0 (and a test failure) otherwise.
inline int openLoaded(browser::Browser& browser, const QString& url) {
  const auto opened = browser.openTab(url);
  if (!std::holds_alternative<int>(opened)) {
    ADD_FAILURE() << "cannot open " << url.toStdString() << ": "
                  << std::get<QString>(opened).toStdString();
    return 0;
  }
  const int tab = std::get<int>(opened);
  if (!waitForState(browser, tab, browser::TabState::kLoaded)) {
    ADD_FAILURE() << url.toStdString() << " in tab " << tab << " did not load";
  }
  return tab;
}

// Every DrawText of the tab's last accepted list, joined by newlines.
inline std::string pageText(const browser::Browser& browser, int tab) {
  const browser::Tab* t = browser.tab(tab);
  std::string text;
  if (!t || !t->display_list) return text;
  for (const auto& item : t->display_list->items()) {
    if (item.has_text()) text += item.text().text() + "\n";
  }
  return text;
}

// True when the tab (demo://clock) sends `frames` more lists within the timeout.
inline bool keepsAnimating(const browser::Browser& browser, int tab, uint64_t frames = 3,
                           std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  const browser::Tab* t = browser.tab(tab);
  if (!t || !t->display_list) return false;
  const uint64_t start = t->display_list->frame_number();
  return waitUntil(
      [&] {
        const browser::Tab* now = browser.tab(tab);
        return now && now->display_list && now->display_list->frame_number() >= start + frames;
      },
      timeout);
}

}  // namespace sb::testing
