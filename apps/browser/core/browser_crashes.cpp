// Browser: crash reports for every child, and the crash-loop guard on automatic reloads.
#include <spdlog/spdlog.h>

#include <QTimer>

#include "apps/browser/core/browser.h"
#include "common/base/clock.h"

namespace sb::browser {
namespace {

uint64_t toNs(std::chrono::milliseconds duration) {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count());
}

}  // namespace

// Called from each host's exit, before the tabs, the GPU or the plugins react to it.
void Browser::reportExit(const ProcessHost& host, std::vector<CrashReport::ServedTab> tabs,
                         const QString& served) {
  if (!isReportableExit(host.exitInfo(), host.shutdownRequested())) return;
  const uint64_t now = monotonicNowNs();
  const uint64_t launched = host.launchedAtNs();
  CrashReport report = makeCrashReport(
      host.kind(), host.pid(), host.exitInfo(), launched && now > launched ? now - launched : 0,
      ipc_log_.lastForPid(static_cast<pid_t>(host.pid()), CrashReports::kLastMessages));
  report.tabs = std::move(tabs);
  report.served = served;
  const CrashReport& stored = crash_reports_.add(std::move(report));
  spdlog::info("crash report {}: {} pid {} ({}): {}, {} backtrace frame(s)", stored.id,
               processKindName(stored.kind), stored.pid, stored.served.toStdString(),
               stored.reason.toStdString(), stored.backtrace.size());
  emit crashReported();
}

void Browser::reloadTab(Tab& tab) {
  startNavigation(tab, tab.url);
  const uint64_t stamp = monotonicNowNs();
  tab.reloaded_at_ns = stamp;
  // Up and drawing for a whole window after the reload: the page is not in a crash loop (any more).
  QTimer::singleShot(options_.crash_loop_window, this, [this, id = tab.id, stamp] {
    Tab* t = mutableTab(id);
    if (!t || t->reloaded_at_ns != stamp || !t->crash_loop || t->state != TabState::kLoaded) return;
    t->crash_loop = false;
    emit tabChanged(id);
  });
}

// The tab just lost its renderer: is it a crash loop, and if not, should it come back by itself?
void Browser::afterTabCrash(Tab& tab, uint64_t now_ns) {
  if (shutting_down_) return;
  const bool soon_after_reload =
      tab.reloaded_at_ns != 0 && now_ns - tab.reloaded_at_ns < toNs(options_.crash_loop_window);
  tab.crash_loop = soon_after_reload;
  tab.crash_loop_after_ns = soon_after_reload ? now_ns - tab.reloaded_at_ns : 0;
  if (tab.crash_loop) {
    spdlog::warn(
        "tab {} crashed again {} ms after it was reloaded: a crash loop, no automatic reload",
        tab.id, tab.crash_loop_after_ns / 1'000'000);
    return;
  }
  if (!options_.auto_reload_crashed) return;
  tab.auto_reload_pending = true;
  QTimer::singleShot(
      options_.auto_reload_delay, this, [this, id = tab.id, navigation = tab.navigation_id] {
        Tab* t = mutableTab(id);
        // Not if the person reloaded or navigated meanwhile, or turned the option off.
        if (!t || !t->auto_reload_pending || t->navigation_id != navigation ||
            t->state != TabState::kCrashed || !options_.auto_reload_crashed || shutting_down_) {
          return;
        }
        spdlog::info("tab {}: reloading {} after its renderer crashed", id,
                     t->url.toString().toStdString());
        reloadTab(*t);
      });
}

}  // namespace sb::browser
