#include "apps/browser/headless/chaos_invariants.h"

#include <QObject>
#include <algorithm>

namespace sb::browser {
namespace {

uint64_t ns(std::chrono::milliseconds duration) {
  return static_cast<uint64_t>(std::chrono::nanoseconds(duration).count());
}

QString seconds(uint64_t duration_ns) { return QString::number(duration_ns / 1e9, 'f', 1); }

// Forgets whatever is no longer in the state the map times.
void keepOnly(std::map<int, uint64_t>& since, const std::set<int>& still) {
  std::erase_if(since, [&](const auto& entry) { return !still.contains(entry.first); });
}

QString tabFault(const ChaosTabView& tab) {
  const QLatin1String state(tabStateName(tab.state));
  switch (tab.state) {
    case TabState::kCrashed:
      if (tab.crash_reason.isEmpty()) return QObject::tr("crashed with no reason");
      if (tab.has_renderer) return QObject::tr("crashed but still holds a renderer");
      return {};
    case TabState::kLoading:
    case TabState::kLoaded:
    case TabState::kUnresponsive:
      if (!tab.has_renderer) return QObject::tr("%1 with no renderer").arg(state);
      if (!tab.renderer_known) {
        return QObject::tr("%1 with a renderer the browser does not list").arg(state);
      }
      if (!tab.crash_reason.isEmpty()) {
        return QObject::tr("%1 but still carries a crash reason (%2)")
            .arg(state, tab.crash_reason);
      }
      return {};
  }
  return QObject::tr("in no known state (%1)").arg(static_cast<int>(tab.state));
}

}  // namespace

uint64_t ChaosInvariants::lastingNs(std::map<int, uint64_t>& since, int key, uint64_t now_ns) {
  const uint64_t first = since.try_emplace(key, now_ns).first->second;
  return now_ns >= first ? now_ns - first : 0;
}

QStringList ChaosInvariants::checkSnapshot(const ChaosSnapshot& s) {
  QStringList violations;

  ++checks_;
  if (s.loop_lag > graces_.loop_lag) {
    violations << QObject::tr("the browser's event loop stalled for %1 ms").arg(s.loop_lag.count());
  }
  ++checks_;
  if (s.oldest_call_ns != 0 && s.now_ns > s.oldest_call_ns &&
      s.now_ns - s.oldest_call_ns > static_cast<uint64_t>(graces_.call.count()) * 1'000'000) {
    violations << QObject::tr("a call between a page and its plugin has waited %1 ms")
                      .arg((s.now_ns - s.oldest_call_ns) / 1'000'000);
  }

  std::set<int> loading;
  for (const ChaosTabView& tab : s.tabs) {
    ++checks_;
    if (const QString fault = tabFault(tab); !fault.isEmpty()) {
      violations << QObject::tr("tab %1 is %2").arg(tab.id).arg(fault);
    }
    if (tab.state != TabState::kLoading) continue;
    ++checks_;
    loading.insert(tab.id);
    if (const uint64_t lasted = lastingNs(loading_since_, tab.id, s.now_ns); lasted >= ns(graces_.loading)) {
      violations << QObject::tr("tab %1 has been loading for %2 s: neither loaded nor marked "
                                "unresponsive nor crashed")
                        .arg(tab.id)
                        .arg(seconds(lasted));
    }
  }
  keepOnly(loading_since_, loading);

  // A namespace init is the parent of the program the host holds, and goes with it.
  std::set<pid_t> parents_of_known;
  for (const CensusEntry& entry : s.processes) {
    if (s.known_pids.contains(entry.pid)) parents_of_known.insert(entry.parent);
  }
  std::set<int> unaccounted;
  std::set<int> zombies;
  for (const CensusEntry& entry : s.processes) {
    if (entry.state == '?') continue;  // gone between the listing and the look at it
    ++checks_;
    if (entry.state == 'Z') {
      zombies.insert(entry.pid);
      if (const uint64_t lasted = lastingNs(zombie_since_, entry.pid, s.now_ns); lasted >= ns(graces_.zombie)) {
        violations << QObject::tr("pid %1 (child of %2) has been a zombie for %3 s")
                          .arg(entry.pid)
                          .arg(entry.parent)
                          .arg(seconds(lasted));
      }
      continue;
    }
    if (s.known_pids.contains(entry.pid) || parents_of_known.contains(entry.pid)) continue;
    unaccounted.insert(entry.pid);
    if (const uint64_t lasted = lastingNs(unaccounted_since_, entry.pid, s.now_ns);
        lasted >= ns(graces_.unaccounted)) {
      violations << QObject::tr("pid %1 (child of %2, state %3) has run for %4 s with no host of "
                                "the browser holding it")
                        .arg(entry.pid)
                        .arg(entry.parent)
                        .arg(QChar::fromLatin1(entry.state))
                        .arg(seconds(lasted));
    }
  }
  keepOnly(unaccounted_since_, unaccounted);
  keepOnly(zombie_since_, zombies);
  return violations;
}

QStringList ChaosInvariants::checkIpcRecords(const std::vector<IpcRecord>& records,
                                             uint64_t last_index, uint64_t dropped) {
  QStringList violations;
  ++checks_;
  for (const IpcRecord& record : records) {
    const uint64_t expected = ipc_index_ + 1;
    // The ring drops its oldest: a gap is only allowed when it has dropped something.
    if (record.index != expected && !(record.index > expected && dropped > 0)) {
      violations << QObject::tr("IPC log record %1 follows record %2").arg(record.index).arg(ipc_index_);
    }
    if (record.time_ns < ipc_time_ns_) {
      violations << QObject::tr("IPC log record %1 is %2 ns older than the record before it")
                        .arg(record.index)
                        .arg(ipc_time_ns_ - record.time_ns);
    }
    ipc_index_ = std::max(ipc_index_, record.index);
    ipc_time_ns_ = std::max(ipc_time_ns_, record.time_ns);
    if (violations.size() > 3) break;  // one disorder tends to repeat; the first few say enough
  }
  if (violations.isEmpty() && ipc_index_ != last_index) {
    violations << QObject::tr("the IPC log's last index is %1 but its records end at %2")
                      .arg(last_index)
                      .arg(ipc_index_);
  }
  return violations;
}

QStringList ChaosInvariants::checkRefused(const QString& request, bool refused) {
  ++checks_;
  if (refused) return {};
  return {QObject::tr("the control request %1 was carried out; it must be refused").arg(request)};
}

long allowedRssKb(const ChaosFootprint& start, const ChaosFootprint& end) {
  const auto grown = [](size_t from, size_t to) { return to > from ? static_cast<long>(to - from) : 0L; };
  const long log_growth_kb =
      (grown(start.ipc_payload_bytes, end.ipc_payload_bytes) +
       grown(start.ipc_records, end.ipc_records) * kIpcRecordBytes) / 1024;
  return std::max(2 * start.rss_kb, start.rss_kb + kRssSlackKb) + log_growth_kb + kAddressSanitizerRssKb;
}

QStringList footprintViolations(const ChaosFootprint& start, const ChaosFootprint& end) {
  QStringList violations;
  if (end.fds > start.fds + kFdSlack) {
    violations << QObject::tr("the browser holds %1 fds, %2 more than with the first tabs "
                              "loaded (at most %3 allowed)")
                      .arg(end.fds)
                      .arg(end.fds - start.fds)
                      .arg(kFdSlack);
  }
  const long allowed = allowedRssKb(start, end);
  if (end.rss_kb > allowed) {
    violations << QObject::tr("the browser's RSS is %1 MiB, over the %2 MiB allowed (%3 MiB "
                              "with the first tabs loaded)")
                      .arg(end.rss_kb / 1024)
                      .arg(allowed / 1024)
                      .arg(start.rss_kb / 1024);
  }
  return violations;
}

}  // namespace sb::browser
