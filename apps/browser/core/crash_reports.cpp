#include "apps/browser/core/crash_reports.h"

#include <QStringList>

#include "apps/browser/core/backtrace_text.h"
#include "common/base/clock.h"

namespace sb::browser {

const CrashReport& CrashReports::add(CrashReport report) {
  report.id = next_id_++;
  reports_.push_back(std::move(report));
  while (reports_.size() > capacity_) reports_.pop_front();
  return reports_.back();
}

const CrashReport* CrashReports::find(uint64_t id) const {
  for (const auto& report : reports_) {
    if (report.id == id) return &report;
  }
  return nullptr;
}

bool isReportableExit(const ExitInfo& exit, bool shutdown_requested) {
  if (!exit.status) return false;  // never launched: nothing died
  if (!exit.killed_by_browser.empty()) return true;
  const bool clean =
      exit.status->kind == process::ExitStatus::Kind::kExited && exit.status->code == 0;
  return !(clean && shutdown_requested);
}

CrashReport makeCrashReport(wire::ProcessKind kind, qint64 pid, const ExitInfo& exit,
                            uint64_t uptime_ns, std::vector<IpcRecord> last_messages) {
  CrashReport report;
  report.time = QDateTime::currentDateTime();
  report.at_ns = monotonicNowNs();
  report.kind = kind;
  report.pid = pid;
  report.reason = QString::fromStdString(exit.describe());
  report.uptime_ns = uptime_ns;
  if (exit.status && exit.status->kind != process::ExitStatus::Kind::kExited) {
    report.signal = exit.status->signal;
  }
  report.backtrace = backtraceFrames(exit.crash_note);
  for (auto& record : last_messages) record.payload.reset();
  report.last_messages = std::move(last_messages);
  return report;
}

QString servedTabsText(const std::vector<CrashReport::ServedTab>& tabs) {
  if (tabs.empty()) return QObject::tr("no tab");
  QStringList parts;
  for (const auto& tab : tabs) parts << QObject::tr("tab %1 %2").arg(tab.id).arg(tab.url);
  return parts.join(QStringLiteral(", "));
}

}  // namespace sb::browser
