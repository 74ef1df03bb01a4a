#pragma once

#include <QObject>
#include <QTextStream>
#include <memory>

#include "apps/browser/headless/scale_options.h"

namespace sb::browser {

class Browser;

// `sandbrowser --headless --scale N`, run inside the browser it measures (the event-loop lag is
// this very process's): opens N demo://clock tabs at once, lets them animate for 10 s, measures
// memory, CPU and messages/s, SIGKILLs a tenth of the renderers picked by the seed, reloads them,
// then checks that nothing else changed, nothing is left a zombie and no descriptor leaked.
// Progress goes to `progress`, the report to `out`; finished(0) when every invariant holds,
// finished(1) otherwise (targets missed are reported, not failures).
class ScaleRun : public QObject {
  Q_OBJECT

 public:
  ScaleRun(Browser& browser, ScaleOptions options, QTextStream& out, QTextStream& progress,
           QObject* parent = nullptr);
  ~ScaleRun() override;
  void start();

 signals:
  void finished(int exit_code);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sb::browser
