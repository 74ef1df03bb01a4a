#include "apps/browser/core/renderer_assignment.h"

namespace sb::browser {
namespace {

template <typename Eligible>
std::optional<size_t> leastLoaded(const std::vector<RendererCandidate>& candidates,
                                  Eligible eligible) {
  std::optional<size_t> best;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const RendererCandidate& candidate = candidates[i];
    if (!candidate.accepts_tabs || !eligible(candidate)) continue;
    // Strictly fewer, so the earliest wins a tie and the choice does not depend on luck.
    if (!best || candidate.tab_count < candidates[*best].tab_count) best = i;
  }
  return best;
}

}  // namespace

std::optional<size_t> chooseRenderer(const AssignmentPolicy& policy,
                                     const std::vector<RendererCandidate>& candidates,
                                     const QString& site) {
  if (policy.model == ProcessModel::kPerSite && !site.isEmpty()) {
    auto same_site =
        leastLoaded(candidates, [&](const RendererCandidate& c) { return c.sites.contains(site); });
    if (same_site) return same_site;
  }
  const bool limited = policy.renderer_process_limit != kNoRendererProcessLimit;
  if (!limited || candidates.size() < static_cast<size_t>(policy.renderer_process_limit)) {
    return std::nullopt;
  }
  return leastLoaded(candidates, [](const RendererCandidate&) { return true; });
}

bool navigationKeepsRenderer(ProcessModel model, const QString& from_site, const QString& to_site) {
  switch (model) {
    case ProcessModel::kPerTab:
    case ProcessModel::kSingleProcess:
      return true;
    case ProcessModel::kPerSite:
      return from_site == to_site;
  }
  return true;
}

}  // namespace sb::browser
