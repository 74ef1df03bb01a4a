#pragma once

#include <QDateTime>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "apps/browser/core/ipc_log.h"
#include "apps/browser/core/process_host.h"
#include "sandbrowser.pb.h"

namespace sb::browser {

// One child death the user should know about, with what the browser knew about the child.
struct CrashReport {
  struct ServedTab {
    int id = 0;
    QString url;
  };

  uint64_t id = 0;     // increasing from 1, given by CrashReports::add
  QDateTime time;      // wall clock, when the browser saw the exit
  uint64_t at_ns = 0;  // the same moment on CLOCK_MONOTONIC, the clock of last_messages' times
  wire::ProcessKind kind = wire::PROCESS_KIND_UNSPECIFIED;
  qint64 pid = 0;
  std::vector<ServedTab> tabs;  // a renderer's tabs when it died
  QString served;               // one line: "tab 3 demo://crash", "ticker plugin", "GPU process"
  QString reason;               // ExitInfo::describe(): one short line
  uint64_t uptime_ns = 0;       // launch to exit; 0 when unknown
  int signal = 0;               // the signal that ended it; 0 for an exit
  std::vector<std::string> backtrace;    // frames the child wrote, demangled; empty without one
  std::vector<IpcRecord> last_messages;  // both directions, oldest first, without their bodies
};

// The newest reports, oldest first; the oldest go past the capacity, so memory stays bounded.
class CrashReports {
 public:
  static constexpr size_t kDefaultCapacity = 100;
  static constexpr size_t kLastMessages = 20;

  explicit CrashReports(size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  // Gives the report its id; returns the stored report.
  const CrashReport& add(CrashReport report);
  const std::deque<CrashReport>& reports() const { return reports_; }
  const CrashReport* find(uint64_t id) const;
  size_t size() const { return reports_.size(); }
  size_t capacity() const { return capacity_; }

 private:
  size_t capacity_;
  std::deque<CrashReport> reports_;
  uint64_t next_id_ = 1;
};

// Whether an exit deserves a report: every death by signal, kill or non-zero exit; not a child
// that never ran, nor the clean exit of one the browser asked to leave (tab closed, quitting).
bool isReportableExit(const ExitInfo& exit, bool shutdown_requested);

// A report with everything but what the child served: reason, signal, uptime, the backtrace from
// the crash note, and `last_messages` stripped of their bodies (a hundred reports must not pin
// megabytes of frames).
CrashReport makeCrashReport(wire::ProcessKind kind, qint64 pid, const ExitInfo& exit,
                            uint64_t uptime_ns, std::vector<IpcRecord> last_messages);

// "tab 3 demo://crash, tab 4 demo://home"; "no tab" when there were none.
QString servedTabsText(const std::vector<CrashReport::ServedTab>& tabs);

}  // namespace sb::browser
