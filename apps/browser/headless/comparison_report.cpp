#include "apps/browser/headless/comparison_report.h"

#include <QObject>
#include <QStringList>
#include <algorithm>

#include "common/process/exit_status.h"

namespace sb::browser {
namespace {

QString mib(double kb) { return QStringLiteral("%1 MiB").arg(kb / 1024.0, 0, 'f', 1); }

double perTabKb(const ModelResult& result) {
  return result.tabs ? static_cast<double>(result.pss_kb) / result.tabs : 0.0;
}

QString signalText(const ModelResult& result) {
  return result.browser_signal ? QString::fromStdString(process::signalName(result.browser_signal))
                               : QString();
}

QString survived(const ModelResult& result) {
  if (result.browser_survived) return QObject::tr("yes");
  const QString signal = signalText(result);
  return signal.isEmpty() ? QObject::tr("no") : QObject::tr("no (%1)").arg(signal);
}

}  // namespace

QString comparisonTable(const std::vector<ModelResult>& results) {
  const QStringList header = {QObject::tr("model"),           QObject::tr("processes"),
                              QObject::tr("PSS total"),       QObject::tr("PSS per tab"),
                              QObject::tr("first paint p50"), QObject::tr("tabs lost"),
                              QObject::tr("browser survived")};
  std::vector<QStringList> rows = {header};
  bool partial = false;
  for (const ModelResult& result : results) {
    const QString star = result.pss_unreadable ? QStringLiteral("*") : QString();
    partial = partial || result.pss_unreadable;
    rows.push_back({result.label, QString::number(result.processes), mib(result.pss_kb) + star,
                    mib(perTabKb(result)) + star,
                    QStringLiteral("%1 ms").arg(result.first_paint_p50_ms, 0, 'f', 1),
                    QObject::tr("%1 of %2").arg(result.tabs_lost).arg(result.tabs),
                    survived(result)});
  }
  std::vector<int> widths(header.size(), 0);
  for (const QStringList& row : rows) {
    for (int column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], static_cast<int>(row[column].size()));
    }
  }
  // Names and yes/no read from the left; numbers line up on their units at the right.
  const auto leftAligned = [&](int column) { return column == 0 || column == header.size() - 1; };
  QString table;
  for (const QStringList& row : rows) {
    QStringList cells;
    for (int column = 0; column < row.size(); ++column) {
      cells << (leftAligned(column) ? row[column].leftJustified(widths[column])
                                    : row[column].rightJustified(widths[column]));
    }
    table += cells.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n');
  }
  if (partial) {
    table += QObject::tr("* some processes' PSS could not be read and is left out\n");
  }
  return table;
}

QString comparisonCsv(const std::vector<ModelResult>& results) {
  QString csv = QStringLiteral(
      "model,tabs,processes,pss_total_kb,pss_per_tab_kb,first_paint_p50_ms,tabs_lost,"
      "browser_survived,browser_signal,pss_browser_kb\n");
  for (const ModelResult& result : results) {
    csv += QStringList{result.label,
                       QString::number(result.tabs),
                       QString::number(result.processes),
                       QString::number(result.pss_kb),
                       QString::number(perTabKb(result), 'f', 1),
                       QString::number(result.first_paint_p50_ms, 'f', 2),
                       QString::number(result.tabs_lost),
                       result.browser_survived ? QStringLiteral("yes") : QStringLiteral("no"),
                       signalText(result),
                       QString::number(result.browser_pss_kb)}
               .join(QLatin1Char(','));
    csv += QLatin1Char('\n');
  }
  return csv;
}

}  // namespace sb::browser
