#include "apps/browser/ui/inspector/traffic_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

#include "apps/browser/ui/inspector/ipc_table_model.h"

namespace sb::browser {

TrafficChart::TrafficChart(QWidget* parent) : QChartView(parent) {
  auto* chart = new QChart;
  chart->setTitle(tr("Messages per second, by process"));
  chart->legend()->setAlignment(Qt::AlignRight);
  chart->setMargins(QMargins(4, 4, 4, 4));
  x_axis_ = new QValueAxis;
  x_axis_->setTitleText(tr("seconds"));
  x_axis_->setLabelFormat(QStringLiteral("%d"));
  x_axis_->setRange(-kWindowSeconds, 0);
  y_axis_ = new QValueAxis;
  y_axis_->setLabelFormat(QStringLiteral("%d"));
  y_axis_->setRange(0, 10);
  chart->addAxis(x_axis_, Qt::AlignBottom);
  chart->addAxis(y_axis_, Qt::AlignLeft);
  setChart(chart);
  setRenderHint(QPainter::Antialiasing);
  setMinimumHeight(160);
}

QLineSeries* TrafficChart::seriesFor(pid_t pid, wire::ProcessKind kind) {
  auto it = series_.find(pid);
  if (it != series_.end()) return it->second;
  auto* line = new QLineSeries;
  line->setName(IpcTableModel::processText(kind, pid));
  chart()->addSeries(line);
  line->attachAxis(x_axis_);
  line->attachAxis(y_axis_);
  series_.emplace(pid, line);
  return line;
}

void TrafficChart::addSample(const std::map<pid_t, uint64_t>& counts,
                             const std::map<pid_t, wire::ProcessKind>& kinds, double seconds) {
  if (seconds <= 0) return;
  now_ += seconds;
  for (const auto& [pid, count] : counts) {
    auto kind = kinds.find(pid);
    seriesFor(pid, kind == kinds.end() ? wire::PROCESS_KIND_UNSPECIFIED : kind->second);
  }
  double highest = 10;
  for (auto it = series_.begin(); it != series_.end();) {
    QLineSeries* line = it->second;
    auto count = counts.find(it->first);
    line->append(now_, count == counts.end() ? 0.0 : static_cast<double>(count->second) / seconds);
    while (line->count() > 0 && line->at(0).x() < now_ - kWindowSeconds) line->remove(0);
    // A process silent for the whole window (gone, usually) loses its line.
    const auto points = line->points();
    const bool silent = std::all_of(points.begin(), points.end(), [](const QPointF& p) { return p.y() == 0; });
    if (silent && points.size() > 1 && points.front().x() <= now_ - kWindowSeconds + seconds) {
      chart()->removeSeries(line);
      delete line;
      it = series_.erase(it);
      continue;
    }
    for (const QPointF& point : points) highest = std::max(highest, point.y());
    ++it;
  }
  x_axis_->setRange(now_ - kWindowSeconds, now_);
  y_axis_->setRange(0, highest * 1.1);
}

double TrafficChart::latestRate(pid_t pid) const {
  auto it = series_.find(pid);
  if (it == series_.end() || it->second->count() == 0) return 0;
  return it->second->at(it->second->count() - 1).y();
}

}  // namespace sb::browser
