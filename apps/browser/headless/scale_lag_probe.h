#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <vector>

namespace sb::browser {

// The UI event loop's lag, measured from inside: a precise timer asks to run every period, and
// each time it runs, how much later than that it is counts as lag. Whatever keeps this thread busy
// (message handling, painting, timers) shows up here as it would to a user's click.
class LagProbe : public QObject {
 public:
  explicit LagProbe(std::chrono::milliseconds period = std::chrono::milliseconds(10),
                    QObject* parent = nullptr);

  void start();
  void stop() { timer_.stop(); }

  // The p-quantile (0 to 1) of the lags seen so far, in ms; 0 before any.
  double percentileMs(double p) const;
  size_t samples() const { return lags_ms_.size(); }

 private:
  QTimer timer_;
  QElapsedTimer since_last_;
  double period_ms_;
  std::vector<double> lags_ms_;
};

}  // namespace sb::browser
