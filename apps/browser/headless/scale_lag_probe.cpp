#include "apps/browser/headless/scale_lag_probe.h"

#include <algorithm>

#include "common/base/percentile.h"

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

double LagProbe::percentileMs(double p) const { return nearestRankPercentile(lags_ms_, p); }

}  // namespace sb::browser
