#pragma once

#include <QChartView>
#include <map>

#include "apps/browser/core/ipc_log.h"

class QLineSeries;
class QValueAxis;

namespace sb::browser {

// Messages per second per process over the last minute, one line per process.
class TrafficChart : public QChartView {
  Q_OBJECT

 public:
  explicit TrafficChart(QWidget* parent = nullptr);

  // One sample: the messages each process sent or received during `seconds`.
  void addSample(const std::map<pid_t, uint64_t>& counts, const std::map<pid_t, wire::ProcessKind>& kinds,
                 double seconds);
  int seriesCount() const { return static_cast<int>(series_.size()); }
  // The latest rate of a process, for tests and tooltips; 0 when it has no line.
  double latestRate(pid_t pid) const;

 private:
  QLineSeries* seriesFor(pid_t pid, wire::ProcessKind kind);

  static constexpr double kWindowSeconds = 60;
  QValueAxis* x_axis_;
  QValueAxis* y_axis_;
  std::map<pid_t, QLineSeries*> series_;
  double now_ = 0;  // seconds since the chart started
};

}  // namespace sb::browser
