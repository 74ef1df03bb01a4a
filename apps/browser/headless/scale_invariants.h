#pragma once

#include <sys/types.h>

#include <QString>
#include <QStringList>
#include <vector>

#include "apps/browser/headless/scale_result.h"

namespace sb::browser {

// What the scale run saw, from which its invariants are judged.
struct ScaleFindings {
  QString failure;                 // a step that could not be done (a timeout, a refused kill)
  QStringList unexpected_changes;  // tabs nobody killed that changed state or renderer
  bool reloads_done = false;       // every killed tab loaded again: the checks below apply
  int killed = 0;
  std::vector<int> reopened;   // the killed tabs
  std::vector<pid_t> zombies;  // below the browser, after settling
  int fds_before_kill = 0;     // every tab live
  int fds_after = 0;           // every tab live again, after the reloads
};

// One line per invariant, in the order the report prints them.
std::vector<ScaleResult::Invariant> scaleInvariants(const ScaleFindings& findings);

// "3, 17, 42": tab ids as the progress lines and the report write them.
QString tabList(const std::vector<int>& ids);

}  // namespace sb::browser
