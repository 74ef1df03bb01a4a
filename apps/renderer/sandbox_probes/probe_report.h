#pragma once

#include <string>
#include <vector>

#include "apps/renderer/sandbox_probes/probe_catalog.h"
#include "apps/renderer/sandbox_probes/system_probes.h"

namespace sb::renderer {

struct ProbeRow {
  const ProbeInfo* info;
  ProbeOutcome outcome;
};

// Every probe's outcome, and the counts the page's summary line is made of.
struct ProbeReport {
  std::vector<ProbeRow> rows;
  int denied = 0;
  int allowed = 0;
  int not_tried = 0;
};

// Runs every probe in catalogue order.
ProbeReport runAllProbes(SystemProbes& probes);

// "denied: EPERM", "denied: the browser is not visible", "allowed: root:x:0:0:...",
// "not tried: the browser has no control socket".
std::string outcomeText(const ProbeOutcome& outcome);

// The symbolic errno ("EPERM"), or "-" for none.
std::string errnoName(int error);

// "12 of 14 escapes denied" (", 1 not tried" when some were not attempted).
std::string summaryLine(const ProbeReport& report);

// The page title, a machine-readable mirror of the summary: "Sandbox: 12/14 denied".
std::string reportTitle(const ProbeReport& report);

}  // namespace sb::renderer
