#pragma once

#include <QObject>
#include <QTextStream>
#include <memory>

namespace sb::browser {

class Browser;

// `sandbrowser --headless --demo`: a scripted isolation demo. Opens three tabs, kills one
// renderer with SIGKILL, shows that the other two still answer, reloads the dead one, and prints
// every step with the measured detection latency. Emits finished(0) on success, finished(1) with
// the failing step printed otherwise.
class HeadlessDemo : public QObject {
  Q_OBJECT

 public:
  HeadlessDemo(Browser& browser, QTextStream& out, QObject* parent = nullptr);
  ~HeadlessDemo() override;
  void start();

 signals:
  void finished(int exit_code);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sb::browser
