#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace sb::browser {

// One process model as `--compare-models` runs it: a row label and the browser flags behind it.
struct ModelSpec {
  QString label;
  QStringList arguments;
};

// per-tab, per-site, per-tab with a renderer process limit of 4, single-process: from most
// processes to fewest, so the table reads as a slope from isolation to sharing.
std::vector<ModelSpec> modelsToCompare();

// The same `tabs` URLs for every model, handed round-robin over up to five sites with at least two
// tabs per site, so the first tab always shares its site with another (per-site then differs from
// per-tab) and a process limit mixes sites in one renderer. No page animates: an idle renderer
// costs what it holds, not what its timers allocate.
QStringList comparisonUrls(int tabs);

}  // namespace sb::browser
