#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>
#include <chrono>

namespace sb::testing {

// Runs the Qt event loop until pred() holds or the timeout passes; returns pred().
template <typename Pred>
bool waitUntil(Pred pred, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  QDeadlineTimer deadline(timeout);
  QTimer wake;  // bounds each blocking wait so the deadline is checked
  wake.start(5);
  while (!pred()) {
    if (deadline.hasExpired()) return pred();
    QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
  }
  return true;
}

// Runs the event loop for a while regardless, to give a wrong extra signal the chance to arrive.
inline void spinFor(std::chrono::milliseconds duration) {
  waitUntil([] { return false; }, duration);
}

}  // namespace sb::testing
