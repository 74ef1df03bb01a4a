#pragma once

#include <QTextStream>

#include "apps/browser/headless/comparison_options.h"

namespace sb::browser {

// `sandbrowser --headless --compare-models`: runs every process model (comparison_plan.h), each in
// a browser child of its own (ModelRun), then prints the table on `out` and, when asked, writes the
// CSV. Progress and failures go to `err`. Returns the exit code: 0, or 1 when any model could not
// be measured (a browser that does not start, a tab that never loads) or the CSV not written.
int runModelComparison(const ComparisonOptions& options, QTextStream& out, QTextStream& err);

}  // namespace sb::browser
