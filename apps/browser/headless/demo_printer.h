#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace sb::browser {

// Prints the demo's narration: every line stamped with the seconds since the demo started, so a
// reader sees how quickly things happen, and flushed at once so it interleaves sanely with logs.
class DemoPrinter {
 public:
  explicit DemoPrinter(QTextStream& out) : out_(out) {}

  void start() { clock_.start(); }
  // "[ 0.41 s] text"
  void step(const QString& text);
  // "          text": a detail under the previous step, or a summary line.
  void detail(const QString& text);
  double seconds() const { return clock_.isValid() ? clock_.nsecsElapsed() / 1e9 : 0.0; }

 private:
  QTextStream& out_;
  QElapsedTimer clock_;
};

}  // namespace sb::browser
