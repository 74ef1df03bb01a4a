#include "apps/browser/headless/scale_lag_probe.h"

#include <algorithm>
#include <cmath>

namespace sb::browser {

LagProbe::LagProbe(std::chrono::milliseconds period, QObject* parent)
    : QObject(parent), period_ms_(static_cast<double>(period.count())) {
  timer_.setInterval(period);
  timer_.setTimerType(Qt::PreciseTimer);  // a coarse timer may fire 5 % early or late by design
  connect(&timer_, &QTimer::timeout, this, [this] {
    lags_ms_.push_back(std::max(0.0, since_last_.nsecsElapsed() / 1e6 - period_ms_));
    since_last_.restart();
  });
}

void LagProbe::start() {
  since_last_.start();
  timer_.start();
}

double LagProbe::percentileMs(double p) const {
  if (lags_ms_.empty()) return 0;
  std::vector<double> sorted = lags_ms_;
  std::sort(sorted.begin(), sorted.end());
  // Nearest rank: the smallest lag that at least p of the samples do not exceed.
  const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace sb::browser
