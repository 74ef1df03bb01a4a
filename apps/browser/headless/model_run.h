#pragma once

#include <QTextStream>
#include <memory>
#include <optional>
#include <vector>

#include "apps/browser/headless/comparison_options.h"
#include "apps/browser/headless/comparison_plan.h"
#include "apps/browser/headless/model_result.h"

namespace sb::ctl {
class ControlClient;
class LaunchedBrowser;
}  // namespace sb::ctl

namespace sb::browser {

class BrowserControl;

// One process model measured in a browser child of its own (a single-process browser dies of the
// crash on purpose, and must not take the comparison with it): start it, open the tabs one after
// another, measure, crash the first tab's renderer, see what went down, quit what is left.
// Progress lines go to `progress` as it goes.
class ModelRun {
 public:
  ModelRun(ModelSpec spec, const ComparisonOptions& options, QTextStream& progress);
  ~ModelRun();

  // The measurements; nullopt with error() set when a step failed.
  std::optional<ModelResult> run();
  const QString& error() const { return error_; }

 private:
  bool start();
  bool openTabs();
  void measure();
  bool crashFirstTab();
  bool browserEnded();
  bool countLosses();
  void quit();
  QString describeTab(int tab);
  bool fail(const QString& why);
  void say(const QString& line);

  ModelSpec spec_;
  const ComparisonOptions& options_;
  QTextStream& progress_;
  std::unique_ptr<ctl::LaunchedBrowser> browser_;
  std::unique_ptr<ctl::ControlClient> client_;
  std::unique_ptr<BrowserControl> control_;
  std::vector<int> tabs_;
  std::vector<double> first_paints_ms_;
  ModelResult result_;
  QString error_;
};

}  // namespace sb::browser
