#include "apps/browser/headless/model_comparison.h"

#include <signal.h>

#include <QObject>
#include <QSaveFile>
#include <vector>

#include "apps/browser/headless/comparison_plan.h"
#include "apps/browser/headless/comparison_report.h"
#include "apps/browser/headless/model_run.h"

namespace sb::browser {
namespace {

// main() blocks SIGINT and friends for the browser's clean shutdown, which needs an event loop the
// comparison never runs. Unblocked, Ctrl+C ends the comparison at once, and each browser child
// dies with it (LaunchedBrowser gives them PDEATHSIG).
void letTerminationSignalsEndUs() {
  sigset_t set;
  sigemptyset(&set);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, signal);
  ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace

int runModelComparison(const ComparisonOptions& options, QTextStream& out, QTextStream& err) {
  letTerminationSignalsEndUs();
  // Opened first, so a path that cannot be written fails before minutes of measuring, and a
  // failed run leaves any earlier file as it was (QSaveFile commits at the end, or never).
  QSaveFile csv_file(options.csv_path);
  if (!options.csv_path.isEmpty() && !csv_file.open(QIODevice::WriteOnly | QIODevice::Text)) {
    err << "sandbrowser: --compare-csv: " << options.csv_path << ": " << csv_file.errorString()
        << "\n";
    return 1;
  }
  const std::vector<ModelSpec> models = modelsToCompare();
  err << QObject::tr(
             "sandbrowser: comparing %1 process models, %2 tabs each, each in a browser of its "
             "own\n")
             .arg(models.size())
             .arg(options.tabs);
  err.flush();
  std::vector<ModelResult> results;
  for (const ModelSpec& spec : models) {
    ModelRun run(spec, options, err);
    const auto result = run.run();
    if (!result) {
      err << "sandbrowser: --compare-models: " << run.error() << "\n";
      return 1;
    }
    results.push_back(*result);
  }
  out << comparisonTable(results);
  out.flush();
  if (!options.csv_path.isEmpty() &&
      (csv_file.write(comparisonCsv(results).toUtf8()) < 0 || !csv_file.commit())) {
    err << "sandbrowser: --compare-csv: " << options.csv_path << ": " << csv_file.errorString()
        << "\n";
    return 1;
  }
  return 0;
}

}  // namespace sb::browser
