#pragma once

#include <QString>
#include <cstdint>
#include <vector>

#include "apps/browser/headless/scale_memory.h"

namespace sb::browser {

// What one `--scale` run measured and found. Memory in KiB, times in ms or s as named.
struct ScaleResult {
  int tabs = 0;
  int killed = 0;
  uint64_t seed = 0;

  double open_all_s = 0;  // the first openTab to the last tab's first display list

  TreeMemory memory;  // with every tab live, at the end of the animation window

  // Over the animation window, with every tab live.
  double animate_s = 0;
  double cpu_percent = 0;  // of one core, every thread of the browser
  double messages_per_s = 0;
  int tabs_animated = 0;  // tabs whose frame number went up in the window

  double cpu_run_percent = 0;  // the same over the whole run
  double lag_p50_ms = 0;
  double lag_p99_ms = 0;
  double lag_max_ms = 0;
  size_t lag_samples = 0;
  double reload_s = 0;  // the reloads to the last reloaded tab's first display list

  // Not an invariant (the browser survives it by design) but it changes what the figures include:
  // after gpu_crash_limit crashes, pages are rasterised in the browser and no frame traffic flows.
  int gpu_crashes = 0;
  bool gpu_software = false;

  int fds_start = 0;        // before the first tab
  int fds_before_kill = 0;  // every tab live
  int fds_after = 0;        // after the reloads, every tab live again

  // The checks that decide the exit code; a target missed is reported, not a failure.
  struct Invariant {
    bool ok = false;
    QString text;
  };
  std::vector<Invariant> invariants;

  bool invariantsHold() const {
    for (const Invariant& invariant : invariants) {
      if (!invariant.ok) return false;
    }
    return !invariants.empty();
  }
};

}  // namespace sb::browser
