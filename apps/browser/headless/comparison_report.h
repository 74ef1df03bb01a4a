#pragma once

#include <QString>
#include <vector>

#include "apps/browser/headless/model_result.h"

namespace sb::browser {

// The table a person reads: one aligned row per model, numbers right-aligned, plus a footnote when
// some process's memory could not be read.
QString comparisonTable(const std::vector<ModelResult>& results);

// The same numbers as CSV under a header line, in KiB and ms, for a plot
// (scripts/plot-process-models.sh). Not translated: programs read it.
QString comparisonCsv(const std::vector<ModelResult>& results);

}  // namespace sb::browser
