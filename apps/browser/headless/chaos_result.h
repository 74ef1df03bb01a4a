#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <map>

#include "apps/browser/headless/chaos_events.h"
#include "apps/browser/headless/chaos_invariants.h"

namespace sb::browser {

// What one `--chaos` run did and found.
struct ChaosResult {
  int seconds = 0;  // asked for
  uint64_t seed = 0;
  double chaos_s = 0;  // the events themselves, from the first to the deadline (or the failure)
  double run_s = 0;    // with opening, recovering and settling

  uint64_t steps = 0;
  std::map<ChaosEvent, int> events;
  // Signals delivered, by process kind ("renderer", "GPU", "plugin", "zygote") and signal name.
  std::map<QString, std::map<QString, int>> signals_sent;
  int signals_missed = 0;  // the target was gone by the time the signal was sent
  int control_ok = 0;
  int control_refused = 0;  // an error reply: expected for the bad requests the soak makes
  int tabs_opened = 0;
  int tabs_closed = 0;
  int tab_crashes = 0;      // tabCrashed, each tab each time
  int unresponsive = 0;     // a tab turning unresponsive
  size_t deadlocks_broken = 0;  // wait-for cycles of demo://deadlock calls the browser broke
  std::map<QString, int> deaths_reported;  // the browser's crash reports, by process kind

  uint64_t invariant_checks = 0;
  uint64_t ipc_records = 0;  // read and checked in order

  ChaosFootprint start;  // the first 10 tabs loaded
  ChaosFootprint end;    // after closing everything, reopening 10 tabs and settling
  bool footprint_measured = false;

  QString failure;          // a step that could not be done at all (a timeout)
  QString failed_step;      // "step 57 at 12.3 s: SIGKILL to the GPU process pid 123"
  QStringList violations;   // what the checks found, at the failed step or at the end
  QStringList recent_steps; // the steps before the failure, oldest first

  bool sound() const { return failure.isEmpty() && violations.isEmpty(); }
};

}  // namespace sb::browser
