#pragma once

#include <QString>
#include <cstddef>
#include <optional>
#include <set>
#include <vector>

#include "apps/browser/core/process_model.h"

namespace sb::browser {

struct AssignmentPolicy {
  ProcessModel model = ProcessModel::kPerTab;
  int renderer_process_limit = kNoRendererProcessLimit;
};

// One renderer that is alive and not on its way out, as the choice below sees it.
struct RendererCandidate {
  size_t tab_count = 0;
  std::set<QString> sites;  // the sites (site.h) of the tabs it hosts
  // False for a hung renderer or one the browser is killing: it still counts toward the limit
  // (its process exists), but no tab is sent to it.
  bool accepts_tabs = true;
};

// Which renderer a tab on `site` should use: an index into `candidates`, or nullopt to start a
// new renderer. A pure function of its arguments, so the policy is tested without processes:
//   1. per-site: a renderer that already hosts the site, the least loaded if several;
//   2. under the limit (or with none): a new renderer;
//   3. at the limit: the least loaded renderer (fewest tabs; the earliest on a tie), as Chrome's
//      --renderer-process-limit does. If none accepts tabs, a new one after all: the limit is
//      soft, and a tab is never left without a renderer.
std::optional<size_t> chooseRenderer(const AssignmentPolicy& policy,
                                     const std::vector<RendererCandidate>& candidates,
                                     const QString& site);

// Whether a tab navigating from one site to another stays in its renderer. Per-site swaps on a
// change of site, as site isolation does; per-tab never swaps.
bool navigationKeepsRenderer(ProcessModel model, const QString& from_site, const QString& to_site);

}  // namespace sb::browser
