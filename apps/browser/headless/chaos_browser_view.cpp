#include "apps/browser/headless/chaos_browser_view.h"

#include <algorithm>

#include "apps/browser/core/browser.h"

namespace sb::browser {
namespace {

bool signallable(const ProcessHost* host) { return host && host->alive() && host->pid() > 0; }

}  // namespace

std::vector<ChaosChild> liveChildren(const Browser& browser) {
  std::vector<ChaosChild> children;
  for (const ProcessHost* host : browser.renderers()) {
    if (!signallable(host) || host->inProcess()) continue;
    const std::vector<int> tabs = browser.tabsOf(host);
    children.push_back({host->pid(), QStringLiteral("renderer"), tabs.empty() ? 0 : tabs.front()});
  }
  if (signallable(browser.gpu().process()) && browser.gpu().live()) {
    children.push_back({browser.gpu().process()->pid(), QStringLiteral("GPU")});
  }
  for (const PluginHosts::TypeInfo& type : browser.plugins().types()) {
    if (signallable(type.process)) children.push_back({type.process->pid(), QStringLiteral("plugin")});
  }
  if (const ZygoteHost* zygote = browser.zygote(); zygote && zygote->live() && zygote->pid() > 0) {
    children.push_back({zygote->pid(), QStringLiteral("zygote")});
  }
  return children;
}

std::set<pid_t> knownChildPids(const Browser& browser) {
  std::set<pid_t> pids;
  const auto add = [&pids](const ProcessHost* host) {
    if (host && host->pid() > 0) pids.insert(host->pid());
  };
  for (const ProcessHost* host : browser.renderers()) add(host);
  add(browser.gpu().process());
  for (const PluginHosts::TypeInfo& type : browser.plugins().types()) add(type.process);
  if (const ZygoteHost* zygote = browser.zygote(); zygote && zygote->pid() > 0) pids.insert(zygote->pid());
  return pids;
}

std::vector<ChaosTabView> tabViews(const Browser& browser) {
  const std::vector<const ProcessHost*> renderers = browser.renderers();
  std::vector<ChaosTabView> views;
  for (int id : browser.tabIds()) {
    const Tab* tab = browser.tab(id);
    if (!tab) continue;
    ChaosTabView view;
    view.id = id;
    view.state = tab->state;
    view.crash_reason = tab->crash_reason;
    view.has_renderer = tab->renderer != nullptr;
    view.renderer_known =
        std::find(renderers.begin(), renderers.end(), tab->renderer) != renderers.end();
    views.push_back(view);
  }
  return views;
}

}  // namespace sb::browser
