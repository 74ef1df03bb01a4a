#include "apps/browser/core/browser.h"

#include <signal.h>
#include <unistd.h>

#include <QRect>
#include <algorithm>

#include <spdlog/spdlog.h>

#include "apps/browser/core/child_message_policy.h"
#include "apps/browser/core/page_compositor.h"
#include "apps/browser/core/renderer_thread_launcher.h"
#include "apps/browser/core/url_policy.h"
#include "common/base/clock.h"
#include "common/ipc/wire_limits.h"
#include "common/process/exit_status.h"

namespace sb::browser {

const char* tabStateName(TabState state) {
  switch (state) {
    case TabState::kLoading: return "loading";
    case TabState::kLoaded: return "loaded";
    case TabState::kCrashed: return "crashed";
    case TabState::kUnresponsive: return "unresponsive";
  }
  return "unknown";
}

Browser::Browser(Options options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      ipc_log_(IpcLog::Limits{.capacity = options_.ipc_log_capacity,
                              .payload_budget_bytes = options_.ipc_log_payload_budget}),
      started_ns_(monotonicNowNs()) {
  connect(&heartbeat_, &QTimer::timeout, this, &Browser::onHeartbeat);
  heartbeat_.start(options_.heartbeat_interval);
  GpuHost::Options gpu;
  gpu.process.executable = options_.gpu_executable;
  gpu.process.sandbox = options_.sandbox;
  gpu.process.disabled_sandbox_layers = options_.disabled_sandbox_layers;
  gpu.process.shutdown_grace = options_.shutdown_grace;
  gpu.crash_limit = options_.gpu_crash_limit;
  gpu.crash_window = options_.gpu_crash_window;
  gpu.heartbeat_interval = options_.heartbeat_interval;
  gpu.hang_timeout = options_.unresponsive_after;
  gpu_ = std::make_unique<GpuHost>(std::move(gpu));
  gpu_->setObserver(ipcObserver());
  connect(gpu_.get(), &GpuHost::frameReady, this, &Browser::tabFrameReady);
  connect(gpu_.get(), &GpuHost::modeChanged, this, &Browser::gpuChanged);
  connect(gpu_.get(), &GpuHost::modeChanged, this, &Browser::checkShutdownComplete);

  PluginHosts::Options plugins;
  plugins.process.executable = options_.plugin_executable;
  plugins.process.sandbox = options_.sandbox;
  plugins.process.disabled_sandbox_layers = options_.disabled_sandbox_layers;
  plugins.process.shutdown_grace = options_.shutdown_grace;
  plugins.heartbeat_interval = options_.heartbeat_interval;
  plugins.hang_timeout = options_.unresponsive_after;
  plugins_ = std::make_unique<PluginHosts>(std::move(plugins));
  plugins_->setObserver(ipcObserver());
  connect(plugins_.get(), &PluginHosts::contentChanged, this, [this](int tab_id) {
    if (Tab* tab = mutableTab(tab_id)) {
      publishContent(*tab);
      emit tabContentChanged(tab_id);
    }
  });
  connect(plugins_.get(), &PluginHosts::processesChanged, this, &Browser::checkShutdownComplete);
  connect(plugins_.get(), &PluginHosts::processesChanged, this, &Browser::renderersChanged);
  connect(gpu_.get(), &GpuHost::processExited, this,
          [this](const ProcessHost* host) { reportExit(*host, {}, tr("GPU process (every tab's pixels)")); });
  // A wrapper (--renderer-cmd-prefix) must see the renderer start, so it means exec. Renderer
  // threads need no zygote; after a switch away from them in the settings, renderers are exec'd.
  if (options_.zygote && options_.renderer_cmd_prefix.empty() &&
      options_.process_model != ProcessModel::kSingleProcess) {
    ZygoteHost::Options zygote;
    zygote.renderer.executable = options_.renderer_executable;
    zygote.renderer.sandbox = options_.sandbox;
    zygote.renderer.disabled_sandbox_layers = options_.disabled_sandbox_layers;
    zygote_ = std::make_unique<ZygoteHost>(std::move(zygote));
    zygote_->start();
  }
  connect(plugins_.get(), &PluginHosts::processExited, this,
          [this](const ProcessHost* host, const QString& type) {
            dropCallsOf(host);
            reportExit(*host, {}, tr("%1 plugin").arg(type));
          });
  plugins_->setCallHandler([this](ProcessHost& host, ipc::Message&& message) {
    onPluginCallMessage(host, std::move(message));
  });
  ipc_lab_ = std::make_unique<IpcLabRunner>(options_.ipc_lab);
  connect(ipc_lab_.get(), &IpcLabRunner::reportChanged, this, &Browser::sendIpcLabReports);
}

// Hosts kill and reap their children as they are destroyed, so nothing outlives the browser.
Browser::~Browser() = default;

std::variant<int, QString> Browser::openTab(const QString& url_text) {
  auto parsed = parseUrl(url_text);
  if (auto* error = std::get_if<UrlError>(&parsed)) return error->message;
  if (options_.gpu_process && gpu_->mode() == GpuHost::Mode::kOff && !shutting_down_) gpu_->start();
  auto tab = std::make_unique<Tab>();
  tab->id = next_tab_id_++;
  Tab& ref = *tab;
  tabs_[ref.id] = std::move(tab);
  emit tabOpened(ref.id);
  startNavigation(ref, std::get<QUrl>(parsed));
  return ref.id;
}

Browser::Result Browser::navigate(int tab_id, const QString& url_text) {
  Tab* tab = mutableTab(tab_id);
  if (!tab) return Result::failure(tr("no tab %1").arg(tab_id));
  auto parsed = parseUrl(url_text);
  if (auto* error = std::get_if<UrlError>(&parsed)) return Result::failure(error->message);
  if (!tab->url.isEmpty()) tab->back.push_back(tab->url);
  tab->forward.clear();
  startNavigation(*tab, std::get<QUrl>(parsed));
  return {};
}

Browser::Result Browser::reload(int tab_id) {
  Tab* tab = mutableTab(tab_id);
  if (!tab) return Result::failure(tr("no tab %1").arg(tab_id));
  // A hung renderer would never answer a Navigate: give the tab a fresh process instead.
  if (tab->state == TabState::kUnresponsive && tab->renderer) {
    ProcessHost* hung = tab->renderer;
    detachTab(*tab);
    if (RendererProcess* process = processOf(hung); process && process->tabs.empty()) {
      hung->killWithReason("killed by the browser: unresponsive, and the tab was reloaded");
    }
  }
  reloadTab(*tab);
  return {};
}

Browser::Result Browser::keepWaiting(int tab_id) {
  Tab* tab = mutableTab(tab_id);
  if (!tab) return Result::failure(tr("no tab %1").arg(tab_id));
  RendererProcess* process = processOf(tab->renderer);
  if (!process || !process->unresponsive) return Result::failure(tr("tab %1 is not unresponsive").arg(tab_id));
  // The ping stays outstanding; its clock starts again, so the bar comes back after a full timeout.
  process->ping_sent_ns = monotonicNowNs();
  markResponsive(*process);
  return {};
}

Browser::Result Browser::goBack(int tab_id) { return traverseHistory(tab_id, HistoryDirection::kBack); }

Browser::Result Browser::goForward(int tab_id) { return traverseHistory(tab_id, HistoryDirection::kForward); }

Browser::Result Browser::traverseHistory(int tab_id, HistoryDirection direction) {
  Tab* tab = mutableTab(tab_id);
  if (!tab) return Result::failure(tr("no tab %1").arg(tab_id));
  const bool back = direction == HistoryDirection::kBack;
  std::vector<QUrl>& from = back ? tab->back : tab->forward;
  std::vector<QUrl>& to = back ? tab->forward : tab->back;
  if (from.empty()) {
    return Result::failure(back ? tr("tab %1 has no earlier page").arg(tab_id) : tr("tab %1 has no later page").arg(tab_id));
  }
  to.push_back(tab->url);
  const QUrl url = from.back();
  from.pop_back();
  startNavigation(*tab, url);
  return {};
}

Browser::Result Browser::closeTab(int tab_id) {
  Tab* tab = mutableTab(tab_id);
  if (!tab) return Result::failure(tr("no tab %1").arg(tab_id));
  ProcessHost* host = tab->renderer;
  detachTab(*tab);
  if (RendererProcess* process = processOf(host); process && process->tabs.empty()) {
    host->shutdown("tab closed");  // SIGKILL follows after the grace period if needed
  }
  gpu_->remove(tab_id);
  plugins_->removeTab(tab_id);
  tabs_.erase(tab_id);
  emit tabClosed(tab_id);
  return {};
}

void Browser::resizeViewport(int tab_id, QSize size) {
  Tab* tab = mutableTab(tab_id);
  if (!tab || size.isEmpty() || size == tab->viewport) return;
  tab->viewport = size.boundedTo(QSize(ipc::WireLimits::kMaxViewportSide, ipc::WireLimits::kMaxViewportSide));
  if (tab->renderer && tab->renderer->state() == ProcessHost::State::kRunning) {
    wire::Envelope envelope;
    envelope.set_tab_id(static_cast<uint32_t>(tab->id));
    envelope.mutable_resize()->set_width(tab->viewport.width());
    envelope.mutable_resize()->set_height(tab->viewport.height());
    tab->renderer->send(envelope);
  }
}

void Browser::sendInput(int tab_id, const wire::InputEvent& input) {
  Tab* tab = mutableTab(tab_id);
  if (!tab || !tab->renderer || tab->renderer->state() != ProcessHost::State::kRunning) return;
  if (routeClickToPlugin(*tab, input)) return;
  wire::Envelope envelope;
  envelope.set_tab_id(static_cast<uint32_t>(tab->id));
  *envelope.mutable_input() = input;
  tab->renderer->send(envelope);
}

Browser::Result Browser::killRenderer(int tab_id, int signal) {
  Tab* tab = mutableTab(tab_id);
  if (!tab) return Result::failure(tr("no tab %1").arg(tab_id));
  if (!tab->renderer) return Result::failure(tr("tab %1 has no running renderer").arg(tab_id));
  RendererProcess* process = processOf(tab->renderer);
  process->kill_requested_ns = monotonicNowNs();
  if (tab->renderer->inProcess()) {
    // No signal reaches one thread alone: the browser lets it go instead (ProcessHost says how).
    tab->renderer->killWithReason("killed by the browser");
    return {};
  }
  if (!tab->renderer->sendSignal(signal)) return Result::failure(tr("the renderer is already gone"));
  return {};
}

Browser::Result Browser::faultRenderer(int tab_id, wire::DebugFault::Kind kind, int exit_code) {
  Tab* tab = mutableTab(tab_id);
  if (!tab) return Result::failure(tr("no tab %1").arg(tab_id));
  if (!tab->renderer || tab->renderer->state() != ProcessHost::State::kRunning) {
    return Result::failure(tr("tab %1 has no running renderer").arg(tab_id));
  }
  wire::Envelope envelope;
  envelope.set_tab_id(static_cast<uint32_t>(tab->id));
  envelope.mutable_debug_fault()->set_kind(kind);
  envelope.mutable_debug_fault()->set_exit_code(exit_code);
  processOf(tab->renderer)->kill_requested_ns = monotonicNowNs();
  tab->renderer->send(envelope);
  return {};
}

Browser::Result Browser::killPid(qint64 pid, int signal) {
  if (pid == ::getpid()) {
    const bool threads = std::any_of(renderers_.begin(), renderers_.end(),
                                     [](const auto& entry) { return entry.second.thread; });
    if (threads) {
      return Result::failure(tr("pid %1 is the browser itself: in the single-process model its renderers are "
                                "threads of it, and a thread cannot be killed on its own")
                                 .arg(pid));
    }
    return Result::failure(tr("pid %1 is the browser itself; use quit").arg(pid));
  }
  for (auto& [host, process] : renderers_) {
    if (host->pid() == pid && host->state() != ProcessHost::State::kExited) {
      process.kill_requested_ns = monotonicNowNs();
      if (!process.host->sendSignal(signal)) return Result::failure(tr("pid %1 is already gone").arg(pid));
      return {};
    }
  }
  if (const ProcessHost* gpu = gpu_->process(); gpu && gpu->pid() == pid && gpu_->live()) {
    if (!gpu_->sendSignal(signal)) return Result::failure(tr("pid %1 is already gone").arg(pid));
    return {};
  }
  if (zygote_ && zygote_->live() && zygote_->pid() == pid) {
    if (!zygote_->sendSignal(signal)) return Result::failure(tr("pid %1 is already gone").arg(pid));
    return {};
  }
  if (auto type = plugins_->typeOfPid(pid)) {
    if (!plugins_->sendSignal(*type, signal)) return Result::failure(tr("pid %1 is already gone").arg(pid));
    return {};
  }
  return Result::failure(tr("pid %1 is not one of this browser's processes; refusing to signal it").arg(pid));
}

void Browser::shutdownAll() {
  shutting_down_ = true;
  heartbeat_.stop();
  ipc_lab_->stop();
  for (auto& [host, process] : renderers_) process.host->shutdown("browser quitting");
  gpu_->shutdown();
  plugins_->shutdown();
  QMetaObject::invokeMethod(this, &Browser::checkShutdownComplete, Qt::QueuedConnection);
}

bool Browser::hasLiveChildren() const {
  if (gpu_->live() || plugins_->live()) return true;
  return std::any_of(renderers_.begin(), renderers_.end(), [](const auto& entry) { return entry.first->alive(); });
}

void Browser::checkShutdownComplete() {
  if (shutting_down_ && !hasLiveChildren()) {
    // Last: until now a renderer still exiting could have been one the zygote forked.
    if (zygote_) zygote_->stop();
    shutting_down_ = false;
    emit shutdownComplete();
  }
}

const Tab* Browser::tab(int tab_id) const {
  auto it = tabs_.find(tab_id);
  return it == tabs_.end() ? nullptr : it->second.get();
}

Tab* Browser::mutableTab(int tab_id) {
  auto it = tabs_.find(tab_id);
  return it == tabs_.end() ? nullptr : it->second.get();
}

std::vector<int> Browser::tabIds() const {
  std::vector<int> ids;
  for (const auto& [id, tab] : tabs_) ids.push_back(id);
  return ids;
}

std::vector<const ProcessHost*> Browser::renderers() const {
  std::vector<const ProcessHost*> hosts;
  for (const auto& [host, process] : renderers_) hosts.push_back(host);
  return hosts;
}

std::vector<int> Browser::tabsOf(const ProcessHost* host) const {
  auto it = renderers_.find(host);
  if (it == renderers_.end()) return {};
  return {it->second.tabs.begin(), it->second.tabs.end()};
}

uint64_t Browser::throttledMessages(const ProcessHost* host) const {
  auto it = renderers_.find(host);
  return it == renderers_.end() ? 0 : it->second.limiter.droppedTotal();
}

Browser::RendererProcess* Browser::processOf(const ProcessHost* host) {
  auto it = renderers_.find(host);
  return it == renderers_.end() ? nullptr : &it->second;
}

Browser::RendererProcess& Browser::startRenderer(Tab& tab) {
  ProcessHost::Config config;
  config.kind = wire::PROCESS_KIND_RENDERER;
  config.executable = options_.renderer_executable;
  config.command_prefix = options_.renderer_cmd_prefix;
  config.shutdown_grace = options_.shutdown_grace;
  config.sandbox = options_.sandbox;
  config.disabled_sandbox_layers = options_.disabled_sandbox_layers;
  const bool thread = options_.process_model == ProcessModel::kSingleProcess;
  config.in_process = thread;
  if (thread) {
    config.launcher = [this](const process::LaunchOptions&) {
      return launchRendererThread(rendererThreadFaultGate());
    };
  } else if (zygote_) {
    config.launcher = zygote_->launcher();
  }
  auto host = std::make_unique<ProcessHost>(config);
  ProcessHost* raw = host.get();
  raw->setMessageHandler([this](ProcessHost& h, ipc::Message&& m) { onRendererMessage(h, std::move(m)); });
  raw->setObserver(ipcObserver());
  connect(raw, &ProcessHost::ready, this, [this, raw] { onRendererReady(raw); });
  connect(raw, &ProcessHost::exited, this, [this, raw] { onRendererExited(raw); });
  connect(raw, &ProcessHost::launchFailed, this,
          [this, raw](const QString& message) { onRendererLaunchFailed(raw, message); });
  connect(raw, &ProcessHost::launched, this, [this, raw](qint64 pid) {
    if (RendererProcess* process = processOf(raw)) {
      for (int id : process->tabs) {
        if (Tab* t = mutableTab(id)) {
          t->renderer_pid = pid;
          emit tabChanged(id);
        }
      }
    }
  });
  RendererProcess& process = renderers_[raw];
  process.host = std::move(host);
  process.serial = next_renderer_serial_++;
  process.thread = thread;
  process.tabs.insert(tab.id);
  tab.renderer = raw;
  tab.renderer_pid = 0;
  tab.renderer_launch_ns = monotonicNowNs();
  tab.first_paint_ns = 0;
  raw->start();
  emit renderersChanged();
  return process;
}

void Browser::startNavigation(Tab& tab, const QUrl& url) {
  // A reload (reloadTab) keeps a crash loop's flag until the page stays up; another page clears it.
  if (url != tab.url) tab.crash_loop = false;
  const QUrl from = tab.url;
  tab.reloaded_at_ns = 0;
  tab.auto_reload_pending = false;
  tab.url = url;
  tab.title = url.toString();
  tab.state = TabState::kLoading;
  tab.crash_reason.clear();
  tab.crashed_pid = 0;
  tab.crash_detect_latency_ns = 0;
  tab.navigation_id = next_navigation_id_++;
  crashProcessesForUrl(tab);
  routeNavigation(tab, from);
  // The heartbeat says "unresponsive" once per hang: a tab that stays in (or joins) a renderer
  // already found hung shows it too, so Reload gives it a fresh renderer instead of "loading" for ever.
  if (const RendererProcess* process = processOf(tab.renderer); process && process->unresponsive) {
    tab.state = TabState::kUnresponsive;
  }
  emit tabChanged(tab.id);
}

void Browser::sendNavigate(Tab& tab) {
  if (!tab.renderer || tab.renderer->state() != ProcessHost::State::kRunning) return;
  wire::Envelope envelope;
  envelope.set_tab_id(static_cast<uint32_t>(tab.id));
  auto* navigate = envelope.mutable_navigate();
  navigate->set_navigation_id(tab.navigation_id);
  navigate->set_url(tab.url.toString(QUrl::FullyEncoded).toStdString());
  navigate->set_viewport_width(tab.viewport.width());
  navigate->set_viewport_height(tab.viewport.height());
  tab.renderer->send(envelope);
}

void Browser::detachTab(Tab& tab) {
  if (RendererProcess* process = processOf(tab.renderer)) releaseTab(*process, tab.id);
  tab.renderer = nullptr;
}

// Destroying a host inside its own signal would pull the object out from under Qt; later is safe.
void Browser::retireRenderer(ProcessHost* host) {
  auto it = renderers_.find(host);
  if (it == renderers_.end()) return;
  it->second.host.release()->deleteLater();
  renderers_.erase(it);
  emit renderersChanged();
}

void Browser::onRendererReady(ProcessHost* host) {
  RendererProcess* process = processOf(host);
  if (!process) return;
  for (int id : process->tabs) {
    if (Tab* tab = mutableTab(id)) sendNavigate(*tab);
    emit tabChanged(id);  // its sandbox status is known now
  }
}

void Browser::onRendererLaunchFailed(ProcessHost* host, const QString& message) {
  RendererProcess* process = processOf(host);
  if (!process) return;
  for (int id : std::set<int>(process->tabs)) {
    Tab* tab = mutableTab(id);
    if (!tab) continue;
    tab->renderer = nullptr;
    tab->state = TabState::kCrashed;
    tab->crash_reason = tr("the renderer could not start: %1").arg(message);
    emit tabCrashed(id);
    emit tabChanged(id);
  }
  retireRenderer(host);
  checkShutdownComplete();
}

// Runs in the event-loop turn in which the pidfd reported the exit: no polling delay.
void Browser::onRendererExited(ProcessHost* host) {
  RendererProcess* process = processOf(host);
  if (!process) return;
  dropCallsOf(host);
  const uint64_t now = monotonicNowNs();
  const QString reason = QString::fromStdString(host->exitInfo().describe());
  std::vector<CrashReport::ServedTab> served;
  for (int id : process->tabs) {
    if (const Tab* tab = this->tab(id)) served.push_back({id, tab->url.toString()});
  }
  const QString served_text = servedTabsText(served);
  reportExit(*host, std::move(served), served_text);
  for (int id : std::set<int>(process->tabs)) {
    Tab* tab = mutableTab(id);
    if (!tab) continue;
    tab->renderer = nullptr;
    tab->state = TabState::kCrashed;
    tab->crash_reason = reason;
    plugins_->removeTab(id);
    tab->crashed_pid = host->pid();
    tab->crash_detect_latency_ns = process->kill_requested_ns ? now - process->kill_requested_ns : 0;
    afterTabCrash(*tab, now);
    emit tabCrashed(id);
    emit tabChanged(id);
  }
  retireRenderer(host);
  checkShutdownComplete();
}

// Everything a renderer sends passes here: first its rate, then its shape
// (child_message_policy.h), then whether it speaks for its own tabs and navigations.
void Browser::onRendererMessage(ProcessHost& host, ipc::Message&& message) {
  RendererProcess* process = processOf(&host);
  if (!process) return;
  if (!admitRendererMessage(*process, message)) return;
  if (auto violation = checkRendererMessage(message)) {
    host.reportBadMessage(*violation);
    return;
  }
  const auto& envelope = message.envelope;
  switch (envelope.body_case()) {
    case wire::Envelope::kPong:
      onPong(*process, envelope);
      return;
    case wire::Envelope::kLogRecord:
      spdlog::debug("[renderer {}] {}", host.pid(), envelope.log_record().text());
      return;
    case wire::Envelope::kCallReply:
      // Answers a call the browser forwarded, whatever the tab has done since: no tab check.
      onCallReply(host, envelope);
      return;
    default:
      break;  // DisplayList, OpenUrl, IpcLabRequest or Call: the policy let nothing else through
  }

  // Page messages: the renderer may only speak for tabs it hosts.
  const int tab_id = static_cast<int>(envelope.tab_id());
  Tab* tab = mutableTab(tab_id);
  if (!process->tabs.contains(tab_id) && process->released_tabs.contains(tab_id)) return;
  if (!process->tabs.contains(tab_id) || !tab) {
    host.reportBadMessage("spoke for tab " + std::to_string(envelope.tab_id()) + ", which it does not host");
    return;
  }
  if (envelope.has_display_list()) {
    acceptDisplayList(*process, *tab, envelope.display_list());
    return;
  }
  if (envelope.has_ipc_lab_request()) {
    onIpcLabRequest(*process, *tab, envelope.ipc_lab_request());
    return;
  }
  if (envelope.has_call()) {
    onPageCall(*process, *tab, envelope);
    return;
  }
  const std::string& url = envelope.open_url().url();
  auto parsed = parseUrl(QString::fromStdString(url));
  if (std::holds_alternative<UrlError>(parsed)) {
    spdlog::warn("tab {}: ignoring a link to an unusable URL: {}", tab_id, std::get<UrlError>(parsed).message.toStdString());
    return;
  }
  navigate(tab_id, std::get<QUrl>(parsed).toString());
}

// A throttled renderer's excess is dropped (a list is replaced by the next one anyway); a flood
// that goes on is misbehaviour.
bool Browser::admitRendererMessage(RendererProcess& process, const ipc::Message& message) {
  switch (process.limiter.admit(message.received_ns, message.wire_bytes)) {
    case RateDecision::kAccept:
      return true;
    case RateDecision::kDrop:
      if (!process.throttle_logged) {
        process.throttle_logged = true;
        const RateLimits& limits = process.limiter.limits();
        spdlog::warn("renderer pid {} sends more than {:.0f} messages/s (burst {:.0f}): dropping the excess",
                     process.host->pid(), limits.messages_per_second, limits.message_burst);
      }
      return false;
    case RateDecision::kFlood:
      spdlog::warn("renderer pid {}: {} messages dropped before the flood verdict", process.host->pid(),
                   process.limiter.droppedTotal());
      process.host->reportBadMessage(process.limiter.floodReason());
      return false;
  }
  return false;
}

void Browser::onPong(RendererProcess& process, const wire::Envelope& envelope) {
  if (envelope.reply_to() != process.ping_seq) return;
  process.ping_seq = 0;
  if (!process.unresponsive) return;
  markResponsive(process);
}

void Browser::markResponsive(RendererProcess& process) {
  process.unresponsive = false;
  for (int id : process.tabs) {
    if (Tab* tab = mutableTab(id); tab && tab->state == TabState::kUnresponsive) {
      tab->state = tab->display_list && tab->display_list->navigation_id() == tab->navigation_id
                       ? TabState::kLoaded
                       : TabState::kLoading;
      emit tabChanged(id);
    }
  }
}

void Browser::acceptDisplayList(RendererProcess& process, Tab& tab, const wire::DisplayList& list) {
  if (list.navigation_id() < tab.navigation_id) return;  // for a page the tab has left: harmless
  if (list.navigation_id() > tab.navigation_id) {
    process.host->reportBadMessage("display list for navigation " + std::to_string(list.navigation_id()) +
                                   ", which the browser never issued");
    return;
  }
  const bool first_for_navigation = !tab.display_list || tab.display_list->navigation_id() != list.navigation_id();
  tab.display_list = std::make_shared<const wire::DisplayList>(list);
  plugins_->syncTab(tab.id, list);
  if (plugin_crash_navigation_ && plugin_crash_navigation_ == tab.navigation_id &&
      plugins_->sendFault("ticker", wire::DebugFault::KIND_SEGV)) {
    plugin_crash_navigation_ = 0;
  }
  publishContent(tab);
  if (!tab.first_paint_ns) tab.first_paint_ns = monotonicNowNs();
  const QString title = list.title().empty() ? tab.url.toString() : QString::fromStdString(list.title());
  bool changed = first_for_navigation || title != tab.title;
  tab.title = title;
  if (tab.state == TabState::kLoading) {
    tab.state = TabState::kLoaded;
    changed = true;
  }
  emit tabContentChanged(tab.id);
  if (changed) emit tabChanged(tab.id);
}

void Browser::publishContent(Tab& tab) {
  if (!tab.display_list) return;
  const bool has_plugins = std::any_of(tab.display_list->items().begin(), tab.display_list->items().end(),
                                       [](const wire::DisplayItem& item) { return item.has_plugin(); });
  if (has_plugins) {
    const int id = tab.id;
    tab.composed = std::make_shared<const wire::DisplayList>(
        composePage(*tab.display_list, [this, id](uint32_t box) { return plugins_->content(id, box); }));
  } else {
    tab.composed = tab.display_list;
  }
  gpu_->submit(tab.id, tab.viewport, tab.composed);
}

void Browser::crashProcessesForUrl(const Tab& tab) {
  if (tab.url.scheme() != QLatin1String("demo")) return;
  if (tab.url.host() == QLatin1String("gpucrash")) {
    spdlog::warn("demo://gpucrash: crashing the GPU process on purpose");
    gpu_->sendFault(wire::DebugFault::KIND_SEGV);
  } else if (tab.url.host() == QLatin1String("plugincrash")) {
    spdlog::warn("demo://plugincrash: crashing the ticker plugin process on purpose");
    if (!plugins_->sendFault("ticker", wire::DebugFault::KIND_SEGV)) plugin_crash_navigation_ = tab.navigation_id;
  }
}

bool Browser::routeClickToPlugin(const Tab& tab, const wire::InputEvent& input) {
  if (!input.has_click() || !tab.display_list) return false;
  const QPoint point(input.click().x(), input.click().y());
  const wire::PluginBox* hit = nullptr;
  for (const auto& item : tab.display_list->items()) {
    if (!item.has_plugin()) continue;
    const auto& r = item.plugin().rect();
    if (QRect(r.x(), r.y(), r.width(), r.height()).contains(point)) hit = &item.plugin();
  }
  if (!hit) return false;
  plugins_->click(tab.id, hit->box_id(), point.x() - hit->rect().x(), point.y() - hit->rect().y());
  return true;
}

void Browser::onHeartbeat() {
  const uint64_t now = monotonicNowNs();
  const uint64_t limit_ns = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(options_.unresponsive_after).count());
  for (auto& [host, process] : renderers_) {
    if (host->state() != ProcessHost::State::kRunning) continue;
    if (process.ping_seq != 0) {
      if (!process.unresponsive && now - process.ping_sent_ns > limit_ns) {
        process.unresponsive = true;
        spdlog::warn("renderer pid {} has not answered a ping for {} ms", host->pid(), (now - process.ping_sent_ns) / 1'000'000);
        for (int id : process.tabs) {
          if (Tab* tab = mutableTab(id)) {
            tab->state = TabState::kUnresponsive;
            emit tabChanged(id);
          }
        }
      }
      continue;
    }
    wire::Envelope ping;
    ping.mutable_ping();
    if (process.host->send(ping)) {
      process.ping_seq = ping.seq();
      process.ping_sent_ns = now;
    }
  }
}

ProcessHost::Observer Browser::ipcObserver() {
  ProcessHost::Observer observer;
  observer.message = [this](const ProcessHost& h, const wire::Envelope& e, size_t bytes, bool incoming) {
    record(h, e, bytes, incoming);
  };
  observer.bad_message = [this](const ProcessHost& h, const std::string& reason, bool logged) {
    ipc_log_.markBad(h.pid(), h.kind(), reason, logged);
    emit ipcRecorded(ipc_log_.lastIndex());
  };
  return observer;
}

void Browser::record(const ProcessHost& host, const wire::Envelope& envelope, size_t bytes, bool incoming) {
  IpcRecord record;
  record.time_ns = monotonicNowNs();
  record.incoming = incoming;
  record.pid = host.pid();
  record.process_kind = host.kind();
  record.tab_id = envelope.tab_id();
  record.kind = IpcLog::bodyName(envelope);
  record.bytes = bytes;
  record.seq = envelope.seq();
  record.reply_to = envelope.reply_to();
  record.payload = IpcLog::serialize(envelope, ipc_log_.limits().max_payload_bytes);
  ipc_log_.append(std::move(record));
  emit ipcRecorded(ipc_log_.lastIndex());
  if (incoming && envelope.has_log_record() && !checkLogRecord(envelope.log_record())) {
    const wire::LogRecord& line = envelope.log_record();
    ChildLogEntry entry;
    entry.time_ns = monotonicNowNs();
    entry.pid = host.pid();
    entry.process_kind = host.kind();
    entry.tab_id = envelope.tab_id();
    entry.level = line.level();
    entry.logger = line.logger();
    entry.text = line.text();
    child_log_.append(std::move(entry));
    emit childLogged(child_log_.lastIndex());
  }
}

}  // namespace sb::browser
