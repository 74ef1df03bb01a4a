#pragma once

#include <QObject>
#include <QTextStream>
#include <memory>

#include "apps/browser/headless/chaos_options.h"

namespace sb::browser {

class Browser;

// `sandbrowser --headless --chaos SECONDS --seed N`, run inside the browser it harms: opens 10
// tabs (renderers, the GPU process, a plugin), then every 100 to 300 ms does a random harmful
// thing picked by the seed (chaos_events.h) and checks the invariants (chaos_invariants.h). At the
// deadline it closes every tab, opens 10 again, lets the browser settle and checks once more,
// this time also its descriptors and memory. Progress goes to `progress`, the summary to `out`;
// finished(0) when no invariant ever failed, finished(1) at the first that did.
class ChaosRun : public QObject {
  Q_OBJECT

 public:
  ChaosRun(Browser& browser, ChaosOptions options, QTextStream& out, QTextStream& progress,
           QObject* parent = nullptr);
  ~ChaosRun() override;
  void start();

 signals:
  void finished(int exit_code);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sb::browser
