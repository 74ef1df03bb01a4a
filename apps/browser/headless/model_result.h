#pragma once

#include <QString>

namespace sb::browser {

// What `--compare-models` measured for one process model: one row of its table and its CSV.
struct ModelResult {
  QString label;  // "per-tab", "per-site", "limit 4", "single-process"
  int tabs = 0;
  int processes = 0;        // the browser and every process below it
  long pss_kb = 0;          // summed over those processes
  int pss_unreadable = 0;   // processes whose Pss could not be read (left out of pss_kb)
  long browser_pss_kb = 0;  // of which the browser process itself (renderer threads included)
  double first_paint_p50_ms = 0;
  int tabs_lost = 0;  // after one renderer crash
  bool browser_survived = true;
  int browser_signal = 0;  // the signal that ended the browser, when it did not survive
};

}  // namespace sb::browser
