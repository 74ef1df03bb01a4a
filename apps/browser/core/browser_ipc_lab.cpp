// demo://ipc-lab: the page asks (IpcLabRequest), the browser runs the benchmark in a helper
// process (IpcLabRunner) and answers every page that asked (IpcLabReport).
#include <spdlog/spdlog.h>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/demo_url.h"

namespace sb::browser {

void Browser::onIpcLabRequest(RendererProcess& process, Tab& tab, const wire::IpcLabRequest& request) {
  if (request.navigation_id() < tab.navigation_id) return;  // from a page the tab has left
  if (request.navigation_id() > tab.navigation_id) {
    process.host->reportBadMessage("IpcLabRequest for navigation " + std::to_string(request.navigation_id()) +
                                   ", which the browser never issued");
    return;
  }
  if (!isDemoPage(tab.url, QStringLiteral("ipc-lab"))) {
    process.host->reportBadMessage("IpcLabRequest from a tab on " + tab.url.toString().left(200).toStdString() +
                                   ", not demo://ipc-lab");
    return;
  }
  ipc_lab_pages_[tab.id] = tab.navigation_id;
  if (request.start() && !ipc_lab_->running() && !shutting_down_) {
    spdlog::info("tab {}: IPC lab benchmark requested", tab.id);
    ipc_lab_->start();  // reports to every page that asked, this one included
    return;
  }
  sendIpcLabReport(tab);
}

void Browser::sendIpcLabReports() {
  for (auto it = ipc_lab_pages_.begin(); it != ipc_lab_pages_.end();) {
    Tab* tab = mutableTab(it->first);
    // A page that is gone (tab closed, navigated, crashed) asks again when it comes back.
    if (!tab || tab->navigation_id != it->second || !tab->renderer) {
      it = ipc_lab_pages_.erase(it);
      continue;
    }
    sendIpcLabReport(*tab);
    ++it;
  }
}

void Browser::sendIpcLabReport(Tab& tab) {
  if (!tab.renderer || tab.renderer->state() != ProcessHost::State::kRunning) return;
  wire::Envelope envelope;
  envelope.set_tab_id(static_cast<uint32_t>(tab.id));
  *envelope.mutable_ipc_lab_report() = ipc_lab_->report();
  tab.renderer->send(envelope);
}

}  // namespace sb::browser
