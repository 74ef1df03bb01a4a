#include "apps/renderer/sandbox_probes/probe_report.h"

#include <string.h>

namespace sb::renderer {

ProbeReport runAllProbes(SystemProbes& probes) {
  ProbeReport report;
  for (const ProbeInfo& info : probeCatalog()) {
    ProbeOutcome outcome = probes.run(info.id);
    switch (outcome.verdict) {
      case ProbeVerdict::kDenied:
        ++report.denied;
        break;
      case ProbeVerdict::kAllowed:
        ++report.allowed;
        break;
      case ProbeVerdict::kNotTried:
        ++report.not_tried;
        break;
    }
    report.rows.push_back(ProbeRow{&info, std::move(outcome)});
  }
  return report;
}

std::string errnoName(int error) {
  if (error == 0) return "-";
  const char* name = ::strerrorname_np(error);
  return name ? name : "errno " + std::to_string(error);
}

std::string outcomeText(const ProbeOutcome& outcome) {
  switch (outcome.verdict) {
    case ProbeVerdict::kDenied: {
      if (outcome.error == 0) return "denied: " + outcome.detail;
      std::string text = "denied: " + errnoName(outcome.error);
      if (!outcome.detail.empty()) text += " (" + outcome.detail + ")";
      return text;
    }
    case ProbeVerdict::kAllowed:
      return outcome.detail.empty() ? "allowed" : "allowed: " + outcome.detail;
    case ProbeVerdict::kNotTried:
      return "not tried: " + outcome.detail;
  }
  return "unknown";
}

std::string summaryLine(const ProbeReport& report) {
  const int attempted = report.denied + report.allowed;
  std::string line = std::to_string(report.denied) + " of " + std::to_string(attempted) +
                     (attempted == 1 ? " escape denied" : " escapes denied");
  if (report.not_tried > 0) line += ", " + std::to_string(report.not_tried) + " not tried";
  return line;
}

std::string reportTitle(const ProbeReport& report) {
  return "Sandbox: " + std::to_string(report.denied) + "/" +
         std::to_string(report.denied + report.allowed) + " denied";
}

}  // namespace sb::renderer
