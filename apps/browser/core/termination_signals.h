#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <memory>

namespace sb::browser {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal, so Ctrl+C in a terminal quits the browser the
// clean way (renderers asked to leave, the control socket file removed) instead of dying mid-way.
// Construct it first thing in main(), before any thread exists: the signals are blocked in every
// thread and read from a signalfd. Children get an empty signal mask back at launch.
class TerminationSignals : public QObject {
  Q_OBJECT

 public:
  TerminationSignals();
  ~TerminationSignals() override;
  // Call once the Qt application exists; before that, nothing can be delivered.
  void startWatching();

 signals:
  void terminationRequested(int signal);

 private:
  int fd_ = -1;
  std::unique_ptr<QSocketNotifier> notifier_;
};

}  // namespace sb::browser
