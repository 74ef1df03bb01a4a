#include "apps/browser/headless/scale_report.h"

#include <QObject>
#include <QStringList>

namespace sb::browser {
namespace {

QString mib(double kb) { return QStringLiteral("%1 MiB").arg(kb / 1024.0, 0, 'f', 1); }

struct Row {
  QString figure;
  QString value;
  QString target;  // empty: the issue set none
  bool met = true;
};

QString verdict(const Row& row) {
  if (row.target.isEmpty()) return {};
  return row.met ? QObject::tr("met") : QObject::tr("missed");
}

}  // namespace

QString scaleReport(const ScaleResult& r) {
  const double per_renderer_kb =
      r.tabs ? static_cast<double>(r.memory.renderer_side_kb) / r.tabs : 0;
  const QString star = r.memory.unreadable ? QStringLiteral("*") : QString();
  const std::vector<Row> rows = {
      {QObject::tr("time to open all %1 tabs").arg(r.tabs),
       QStringLiteral("%1 s").arg(r.open_all_s, 0, 'f', 2),
       QStringLiteral("< %1 s").arg(kTargetOpenAllS), r.open_all_s < kTargetOpenAllS},
      {QObject::tr("PSS per renderer"), mib(per_renderer_kb) + star,
       QStringLiteral("< %1 MiB").arg(kTargetRendererPssMiB),
       per_renderer_kb / 1024.0 < kTargetRendererPssMiB},
      {QObject::tr("UI event-loop lag p99"), QStringLiteral("%1 ms").arg(r.lag_p99_ms, 0, 'f', 1),
       QStringLiteral("< %1 ms").arg(kTargetLagP99Ms), r.lag_p99_ms < kTargetLagP99Ms},
      {QObject::tr("UI event-loop lag p50 / max"),
       QStringLiteral("%1 / %2 ms").arg(r.lag_p50_ms, 0, 'f', 1).arg(r.lag_max_ms, 0, 'f', 1)},
      {QObject::tr("PSS total (%1 processes)").arg(r.memory.processes),
       mib(r.memory.total_kb) + star},
      {QObject::tr("  browser"), mib(r.memory.browser_kb) + star},
      {QObject::tr("  GPU process"), mib(r.memory.gpu_kb) + star},
      {QObject::tr("  renderers, zygote, namespace inits"), mib(r.memory.renderer_side_kb) + star},
      {QObject::tr("browser CPU, animating"),
       QObject::tr("%1 % of a core").arg(r.cpu_percent, 0, 'f', 1)},
      {QObject::tr("browser CPU, whole run"),
       QObject::tr("%1 % of a core").arg(r.cpu_run_percent, 0, 'f', 1)},
      {QObject::tr("messages/s through the browser"), QString::number(r.messages_per_s, 'f', 0)},
      {QObject::tr("tabs animating"), QObject::tr("%1 of %2").arg(r.tabs_animated).arg(r.tabs)},
      {QObject::tr("time to reload the %1 killed").arg(r.killed),
       QStringLiteral("%1 s").arg(r.reload_s, 0, 'f', 2)},
      {QObject::tr("browser fds: start / all live / after reloads"),
       QStringLiteral("%1 / %2 / %3").arg(r.fds_start).arg(r.fds_before_kill).arg(r.fds_after)},
  };
  int figure_width = 0;
  int value_width = 0;
  for (const Row& row : rows) {
    figure_width = std::max(figure_width, static_cast<int>(row.figure.size()));
    value_width = std::max(value_width, static_cast<int>(row.value.size()));
  }
  QString text = QObject::tr(
                     "scale run: %1 demo://clock tabs, one sandboxed renderer each; "
                     "%2 killed at random (seed %3)\n")
                     .arg(r.tabs)
                     .arg(r.killed)
                     .arg(r.seed);
  for (const Row& row : rows) {
    const QString target =
        row.target.isEmpty() ? QString() : QObject::tr("target %1").arg(row.target);
    QString line =
        QStringList{row.figure.leftJustified(figure_width), row.value.rightJustified(value_width),
                    target.leftJustified(16), verdict(row)}
            .join(QStringLiteral("  "));
    while (line.endsWith(QLatin1Char(' '))) line.chop(1);  // keep the sub-rows' indent at the left
    text += line + QLatin1Char('\n');
  }
  text += QObject::tr(
              "PSS per renderer: renderers, the zygote they are forked from (once) and "
              "their namespace init, divided by %1 tabs; with every tab live.\n")
              .arg(r.tabs);
  if (r.gpu_crashes) {
    text += QObject::tr("note    GPU process crashes during the run: %1%2\n")
                .arg(r.gpu_crashes)
                .arg(r.gpu_software
                         ? QObject::tr("; pages were rasterised in the browser from then "
                                       "on, so its PSS and frame traffic are not in the figures")
                         : QString());
  }
  if (r.memory.unreadable) {
    text += QObject::tr("* %1 processes' PSS could not be read and is left out\n")
                .arg(r.memory.unreadable);
  }
  for (const ScaleResult::Invariant& invariant : r.invariants) {
    text += (invariant.ok ? QStringLiteral("ok      ") : QStringLiteral("FAILED  ")) +
            invariant.text + QLatin1Char('\n');
  }
  return text;
}

}  // namespace sb::browser
