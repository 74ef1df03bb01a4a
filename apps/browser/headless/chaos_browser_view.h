#pragma once

#include <sys/types.h>

#include <QString>
#include <set>
#include <vector>

#include "apps/browser/headless/chaos_invariants.h"

namespace sb::browser {

class Browser;

// What the soak reads from the Browser: the children it may harm, and the browser's beliefs the
// invariants hold against /proc.

// A live child process of the browser, for a signal or a fault.
struct ChaosChild {
  pid_t pid = 0;
  QString kind;  // "renderer", "GPU", "plugin", "zygote": the report's words
  int tab = 0;   // a renderer: one tab it draws, 0 if none
};
std::vector<ChaosChild> liveChildren(const Browser& browser);

// Every pid some host of the browser holds, live or on its way out.
std::set<pid_t> knownChildPids(const Browser& browser);
std::vector<ChaosTabView> tabViews(const Browser& browser);

}  // namespace sb::browser
