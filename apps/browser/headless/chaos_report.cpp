#include "apps/browser/headless/chaos_report.h"

#include <QObject>
#include <QStringList>
#include <algorithm>
#include <utility>
#include <vector>

namespace sb::browser {
namespace {

QString mib(long kb) { return QStringLiteral("%1 MiB").arg(kb / 1024.0, 0, 'f', 1); }

// "label   value" rows with the values in one column.
QString rows(const std::vector<std::pair<QString, QString>>& lines) {
  int width = 0;
  for (const auto& [label, value] : lines) width = std::max(width, static_cast<int>(label.size()));
  QString text;
  for (const auto& [label, value] : lines) text += label.leftJustified(width + 2) + value + QLatin1Char('\n');
  return text;
}

QString deaths(const std::map<QString, int>& by_kind) {
  QStringList parts;
  int total = 0;
  for (const auto& [kind, count] : by_kind) {
    parts << QStringLiteral("%1 %2").arg(kind).arg(count);
    total += count;
  }
  return parts.isEmpty() ? QStringLiteral("0")
                         : QStringLiteral("%1 (%2)").arg(total).arg(parts.join(QStringLiteral(", ")));
}

}  // namespace

QString chaosReport(const ChaosResult& r) {
  QString text = QObject::tr("chaos soak: %1 s asked, seed %2\n").arg(r.seconds).arg(r.seed);

  std::vector<std::pair<QString, QString>> summary = {
      {QObject::tr("seconds of chaos"), QString::number(r.chaos_s, 'f', 1)},
      {QObject::tr("seconds in all"), QString::number(r.run_s, 'f', 1)},
      {QObject::tr("steps"), QString::number(r.steps)},
      {QObject::tr("tabs opened / closed"), QStringLiteral("%1 / %2").arg(r.tabs_opened).arg(r.tabs_closed)},
      {QObject::tr("tab crashes seen"), QString::number(r.tab_crashes)},
      {QObject::tr("tabs turned unresponsive"), QString::number(r.unresponsive)},
      {QObject::tr("deadlocks broken"), QString::number(r.deadlocks_broken)},
      {QObject::tr("child deaths reported"), deaths(r.deaths_reported)},
      {QObject::tr("control requests ok / refused"),
       QStringLiteral("%1 / %2").arg(r.control_ok).arg(r.control_refused)},
  };
  text += rows(summary);

  text += QObject::tr("events by kind\n");
  std::vector<std::pair<QString, QString>> events;
  for (const ChaosEventInfo& info : chaosEvents()) {
    const auto it = r.events.find(info.event);
    events.push_back({QStringLiteral("  ") + QLatin1String(info.name),
                      QString::number(it == r.events.end() ? 0 : it->second)});
  }
  text += rows(events);

  text += QObject::tr("signals by process and signal\n");
  std::vector<std::pair<QString, QString>> signal_rows;
  for (const auto& [kind, by_signal] : r.signals_sent) {
    QStringList counts;
    for (const auto& [signal, count] : by_signal) counts << QStringLiteral("%1 %2").arg(signal).arg(count);
    signal_rows.push_back({QStringLiteral("  ") + kind, counts.join(QStringLiteral(", "))});
  }
  signal_rows.push_back({QObject::tr("  target already gone"), QString::number(r.signals_missed)});
  text += rows(signal_rows);

  std::vector<std::pair<QString, QString>> checks = {
      {QObject::tr("invariant checks"), QString::number(r.invariant_checks)},
      {QObject::tr("IPC log records checked in order"), QString::number(r.ipc_records)},
  };
  if (r.footprint_measured) {
    checks.push_back({QObject::tr("browser fds: first tabs / end"),
                      QStringLiteral("%1 / %2 (at most +%3)").arg(r.start.fds).arg(r.end.fds).arg(kFdSlack)});
    checks.push_back({QObject::tr("browser RSS: first tabs / end"),
                      QObject::tr("%1 / %2 (at most %3)")
                          .arg(mib(r.start.rss_kb), mib(r.end.rss_kb), mib(allowedRssKb(r.start, r.end)))});
  }
  const int violations = static_cast<int>(r.violations.size()) + (r.failure.isEmpty() ? 0 : 1);
  checks.push_back({QObject::tr("violations"), QString::number(violations)});
  text += rows(checks);

  if (r.sound()) return text;
  if (!r.failed_step.isEmpty()) text += QObject::tr("FAILED at %1\n").arg(r.failed_step);
  if (!r.failure.isEmpty()) text += QObject::tr("FAILED  %1\n").arg(r.failure);
  for (const QString& violation : r.violations) text += QObject::tr("FAILED  %1\n").arg(violation);
  if (!r.recent_steps.isEmpty()) {
    text += QObject::tr("the steps before it:\n");
    for (const QString& step : r.recent_steps) text += QStringLiteral("  ") + step + QLatin1Char('\n');
  }
  text += QObject::tr("reproduce with: sandbrowser --headless --chaos %1 --seed %2\n").arg(r.seconds).arg(r.seed);
  return text;
}

}  // namespace sb::browser
