// Browser: which renderer a tab uses. The choice itself is renderer_assignment.h (a pure
// function); here the browser describes its live renderers to it and carries the answer out:
// start a renderer, join one, or move a tab from one renderer to another.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/site.h"
#include "common/base/clock.h"

namespace sb::browser {

void Browser::setProcessModel(ProcessModel model) {
  if (options_.process_model == model) return;
  options_.process_model = model;
  spdlog::info("process model for new tabs: {}", processModelName(model).toStdString());
  emit processModelChanged();
}

void Browser::setRendererProcessLimit(int limit) {
  if (options_.renderer_process_limit == limit) return;
  options_.renderer_process_limit = limit;
  spdlog::info("renderer process limit: {}",
               limit == kNoRendererProcessLimit ? std::string("none") : std::to_string(limit));
  emit processModelChanged();
}

// Sends the tab's Navigate to the renderer the model wants for the new URL: its own when it may
// stay, else a same-site one, a new one, or (at the limit) the least loaded one.
void Browser::routeNavigation(Tab& tab, const QUrl& from) {
  ProcessHost* current = tab.renderer;
  if (current && navigationKeepsRenderer(options_.process_model, siteOf(from), siteOf(tab.url))) {
    sendNavigate(tab);
    return;
  }
  std::vector<RendererProcess*> processes;
  const auto candidates = rendererCandidates(tab.id, processes);
  const auto choice = chooseRenderer({options_.process_model, options_.renderer_process_limit},
                                     candidates, siteOf(tab.url));
  RendererProcess* target = choice ? processes[*choice] : nullptr;
  if (current && target && target->host.get() == current) {
    sendNavigate(tab);  // at the limit its own renderer is the least loaded: no swap
    return;
  }
  if (current) {
    spdlog::info("tab {} leaves renderer pid {} for {}", tab.id, current->pid(),
                 siteOf(tab.url).toStdString());
    detachTab(tab);
    if (RendererProcess* old = processOf(current); old && old->tabs.empty()) {
      current->shutdown("its last tab moved to another site's renderer");
    }
  }
  if (target) {
    joinRenderer(*target, tab);
  } else {
    startRenderer(tab);  // Navigate goes out when it says Hello
  }
}

void Browser::joinRenderer(RendererProcess& process, Tab& tab) {
  process.tabs.insert(tab.id);
  tab.renderer = process.host.get();
  const qint64 pid = process.host->pid();
  tab.renderer_pid = pid > 0 ? pid : 0;  // not launched yet: its launched() fills every tab in
  // For time to first paint, a tab that joins starts its clock now.
  tab.renderer_launch_ns = monotonicNowNs();
  tab.first_paint_ns = 0;
  sendNavigate(tab);  // a renderer still starting gets it with its other tabs' on Hello
  emit renderersChanged();
}

// The renderer stops hosting the tab. If others stay, it is told to drop the page (its timers
// would go on sending otherwise); if none do, the caller shuts it down.
void Browser::releaseTab(RendererProcess& process, int tab_id) {
  if (!process.tabs.erase(tab_id)) return;
  process.released_tabs.insert(tab_id);
  if (!process.tabs.empty() && process.host->state() == ProcessHost::State::kRunning) {
    wire::Envelope envelope;
    envelope.set_tab_id(static_cast<uint32_t>(tab_id));
    envelope.mutable_close_tab();
    process.host->send(envelope);
  }
  emit renderersChanged();
}

// Renderers a tab could join, in start order, described without `moving_tab` (the tab being
// placed, which may still sit in one of them).
std::vector<RendererCandidate> Browser::rendererCandidates(
    int moving_tab, std::vector<RendererProcess*>& processes) {
  processes.clear();
  // Threads and processes never mix: after a switch of model, new tabs join only their own kind.
  const bool threads = options_.process_model == ProcessModel::kSingleProcess;
  for (auto& [host, process] : renderers_) {
    if (host->alive() && !host->shutdownRequested() && process.thread == threads) {
      processes.push_back(&process);
    }
  }
  std::sort(
      processes.begin(), processes.end(),
      [](const RendererProcess* a, const RendererProcess* b) { return a->serial < b->serial; });
  std::vector<RendererCandidate> candidates;
  for (const RendererProcess* process : processes) {
    RendererCandidate candidate;
    for (int id : process->tabs) {
      const Tab* t = tab(id);
      if (id == moving_tab || !t) continue;
      ++candidate.tab_count;
      candidate.sites.insert(siteOf(t->url));
    }
    candidate.accepts_tabs = !process->unresponsive && process->kill_requested_ns == 0;
    candidates.push_back(std::move(candidate));
  }
  return candidates;
}

}  // namespace sb::browser
