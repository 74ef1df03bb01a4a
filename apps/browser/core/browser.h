#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "apps/browser/core/child_log.h"
#include "apps/browser/core/crash_reports.h"
#include "apps/browser/core/gpu_host.h"
#include "apps/browser/core/ipc_lab_runner.h"
#include "apps/browser/core/ipc_log.h"
#include "apps/browser/core/plugin_hosts.h"
#include "apps/browser/core/process_host.h"
#include "apps/browser/core/process_model.h"
#include "apps/browser/core/rate_limiter.h"
#include "apps/browser/core/renderer_assignment.h"
#include "apps/browser/core/tab.h"
#include "apps/browser/core/wait_for_graph.h"
#include "apps/browser/core/zygote_host.h"
#include "apps/renderer/in_process/renderer_thread.h"

namespace sb::browser {

// The browser's model of tabs and renderer processes, and its policy. Qt Core only: the window,
// headless mode, the control socket and tests all drive this one object.
class Browser : public QObject {
  Q_OBJECT

 public:
  struct Options {
    std::string renderer_executable = "sandbrowser-renderer";
    std::vector<std::string> renderer_cmd_prefix;
    std::chrono::milliseconds heartbeat_interval{1000};
    // How long a child may leave a heartbeat Ping unanswered: a renderer's tabs then show the
    // "page unresponsive" bar; a GPU or plugin process is killed and handled by its crash policy.
    std::chrono::milliseconds unresponsive_after{5000};
    std::chrono::milliseconds shutdown_grace{2000};
    size_t ipc_log_capacity = 100'000;      // messages the inspector can show
    size_t ipc_log_payload_budget = 64 << 20;  // bytes of message bodies kept for it
    // Off is --no-sandbox: renderers start without namespaces and engage no layer.
    bool sandbox = true;
    // --disable-sandbox-layer: child layers every renderer leaves off; its tabs show a warning.
    std::vector<std::string> disabled_sandbox_layers;
    // --zygote: renderers are forked from a pre-initialised zygote (zygote_host.h) instead of
    // exec'd, unless renderer_cmd_prefix is set; exec stands in whenever the zygote cannot.
    bool zygote = true;
    // Pages are rasterised by a GPU process into shared memory; off (or after too many GPU
    // crashes) the browser paints them itself.
    bool gpu_process = true;
    std::string gpu_executable = "sandbrowser-gpu";
    std::string plugin_executable = "sandbrowser-plugin";
    int gpu_crash_limit = 3;
    std::chrono::milliseconds gpu_crash_window{60000};
    // --auto-reload-crashed: a crashed tab reloads itself after auto_reload_delay, unless its
    // renderer died again within crash_loop_window of a reload (a crash loop).
    bool auto_reload_crashed = false;
    std::chrono::milliseconds auto_reload_delay{1000};
    std::chrono::milliseconds crash_loop_window{10000};
    // --process-model and --renderer-process-limit: which renderer a tab gets
    // (renderer_assignment.h, docs/process-models.md).
    ProcessModel process_model = ProcessModel::kPerTab;
    int renderer_process_limit = kNoRendererProcessLimit;
    // demo://ipc-lab's benchmark helper (ipc_lab_runner.h).
    IpcLabRunner::Options ipc_lab;
    // How long a blocking call waits before the browser looks for a cycle through it in the
    // wait-for graph (as databases wait a moment before their deadlock check: most waits end by
    // themselves). Well under unresponsive_after, so a deadlock is broken before it looks hung.
    std::chrono::milliseconds deadlock_check_after{1000};
  };

  // A cycle of blocking calls the browser found and broke (demo://deadlock, browser_calls.cpp).
  struct DeadlockReport {
    std::string cycle;       // "renderer pid 10 -> plugin ticker pid 12 -> renderer pid 10"
    std::string refused;     // whose call was refused to break it
    uint32_t waited_ms = 0;  // how long the oldest call in the cycle had waited
  };

  struct Result {
    bool ok = true;
    QString error;
    static Result failure(QString message) { return {false, std::move(message)}; }
  };

  explicit Browser(Options options, QObject* parent = nullptr);
  ~Browser() override;

  // Opens a tab on `url` in the renderer the process model picks; the tab id, or an error for a
  // bad URL.
  std::variant<int, QString> openTab(const QString& url);
  Result navigate(int tab_id, const QString& url);
  Result reload(int tab_id);
  // The unresponsive bar's Wait: give the tab's renderer another full timeout before asking again.
  Result keepWaiting(int tab_id);
  Result goBack(int tab_id);
  Result goForward(int tab_id);
  Result closeTab(int tab_id);

  void resizeViewport(int tab_id, QSize size);
  void sendInput(int tab_id, const wire::InputEvent& input);

  // The kill menu: signals through the pidfd, or a DebugFault the renderer acts on.
  Result killRenderer(int tab_id, int signal);
  Result faultRenderer(int tab_id, wire::DebugFault::Kind kind, int exit_code = 0);
  // Signals a pid only when it is one of our children; never the browser or a stranger.
  Result killPid(qint64 pid, int signal);

  // Asks every child to leave, then kills what is left after the grace period; emits
  // shutdownComplete() once no child is running.
  void shutdownAll();
  bool hasLiveChildren() const;

  const Tab* tab(int tab_id) const;
  std::vector<int> tabIds() const;
  std::vector<const ProcessHost*> renderers() const;
  std::vector<int> tabsOf(const ProcessHost* host) const;
  // Messages from this renderer dropped because it went over its rate budget.
  uint64_t throttledMessages(const ProcessHost* host) const;
  const IpcLog& ipcLog() const { return ipc_log_; }
  const ChildLog& childLog() const { return child_log_; }
  uint64_t startedAtNs() const { return started_ns_; }  // CLOCK_MONOTONIC
  GpuHost& gpu() { return *gpu_; }
  PluginHosts& plugins() { return *plugins_; }
  const PluginHosts& plugins() const { return *plugins_; }
  const GpuHost& gpu() const { return *gpu_; }
  const ZygoteHost* zygote() const { return zygote_.get(); }  // null without --zygote
  const IpcLabRunner& ipcLab() const { return *ipc_lab_; }
  const std::vector<DeadlockReport>& deadlocks() const { return deadlocks_; }
  // Calls between pages and plugins the browser has forwarded and not yet answered.
  size_t pendingCalls() const { return calls_.size(); }
  // When the longest-waiting of them started (CLOCK_MONOTONIC); 0 when none waits.
  uint64_t oldestPendingCallNs() const;
  const Options& options() const { return options_; }
  // One entry per child death the user should know about (crash_reports.h).
  const CrashReports& crashReports() const { return crash_reports_; }
  void setAutoReloadCrashed(bool on) { options_.auto_reload_crashed = on; }
  bool autoReloadCrashed() const { return options_.auto_reload_crashed; }
  // The settings dialog: these apply whenever a tab next needs a renderer (a new tab, a reload
  // after a crash, a cross-site navigation); tabs keep the renderer they have.
  void setProcessModel(ProcessModel model);
  void setRendererProcessLimit(int limit);

 signals:
  void tabOpened(int tab_id);
  void tabClosed(int tab_id);
  void tabChanged(int tab_id);         // url, title, state, history
  void tabContentChanged(int tab_id);  // a new display list
  void tabFrameReady(int tab_id);      // a new frame from the GPU process (or its loss)
  void gpuChanged();                   // the GPU process started, died, or was given up on
  void tabCrashed(int tab_id);
  void ipcRecorded(uint64_t index);
  void childLogged(uint64_t index);
  // A renderer process was started or is gone, or a tab joined or left one.
  void renderersChanged();
  void processModelChanged();          // setProcessModel / setRendererProcessLimit
  void shutdownComplete();
  void crashReported();                // a new entry in crashReports()
  // Single-process model: a renderer thread is about to crash, abort or exit, which ends this
  // whole process. Emitted on the browser's thread while the renderer thread waits, so a window
  // can explain what is about to happen; the fault follows once every slot has returned.
  void processFaultAhead(const QString& what);
  // A new entry in deadlocks(): the browser broke a wait-for cycle.
  void deadlockBroken(const QString& cycle);

 private:
  struct RendererProcess {
    std::unique_ptr<ProcessHost> host;
    std::set<int> tabs;
    uint64_t kill_requested_ns = 0;
    uint64_t ping_seq = 0;       // outstanding heartbeat, 0 if none
    uint64_t ping_sent_ns = 0;
    bool unresponsive = false;
    RateLimiter limiter;           // what it sends us, per second
    bool throttle_logged = false;  // the first dropped message is logged, the rest counted
    // Tabs that left this renderer while it lived on: what it sent for them before it read the
    // CloseTab is dropped, not taken for speaking for a stranger's tab.
    std::set<int> released_tabs;
    uint64_t serial = 0;  // start order: the process limit's tie-break
    bool thread = false;  // a renderer thread of this process (the single-process model)
  };

  enum class HistoryDirection { kBack, kForward };

  // A call between a page and its plugin, forwarded by the browser and not yet answered.
  struct PendingCall {
    ProcessHost* caller = nullptr;
    uint64_t caller_seq = 0;  // the caller's Call; the reply's reply_to
    uint32_t caller_tab = 0;  // the tab id the reply carries
    ProcessHost* callee = nullptr;
    uint64_t forwarded_seq = 0;  // the forwarded Call; the callee's reply_to
    bool blocking = false;
    uint64_t started_ns = 0;
    std::string cycle;  // the deadlock it was part of, once the browser broke one
  };

  Result traverseHistory(int tab_id, HistoryDirection direction);
  Tab* mutableTab(int tab_id);
  RendererProcess* processOf(const ProcessHost* host);
  RendererProcess& startRenderer(Tab& tab);
  void startNavigation(Tab& tab, const QUrl& url);
  void sendNavigate(Tab& tab);
  void detachTab(Tab& tab);
  // Which renderer a tab uses, by the process model and limit (browser_renderer_choice.cpp).
  void routeNavigation(Tab& tab, const QUrl& from);
  void joinRenderer(RendererProcess& process, Tab& tab);
  void releaseTab(RendererProcess& process, int tab_id);
  std::vector<RendererCandidate> rendererCandidates(int moving_tab, std::vector<RendererProcess*>& processes);
  void retireRenderer(ProcessHost* host);
  // What a renderer thread calls before a process-ending fault (browser_renderer_thread.cpp).
  renderer::BeforeProcessFault rendererThreadFaultGate();

  void onRendererReady(ProcessHost* host);
  void onRendererMessage(ProcessHost& host, ipc::Message&& message);
  bool admitRendererMessage(RendererProcess& process, const ipc::Message& message);
  void onPong(RendererProcess& process, const wire::Envelope& envelope);
  // Back from unresponsive: its tabs show their page (or its loading) again.
  void markResponsive(RendererProcess& process);
  void onRendererExited(ProcessHost* host);
  void onRendererLaunchFailed(ProcessHost* host, const QString& message);
  void acceptDisplayList(RendererProcess& process, Tab& tab, const wire::DisplayList& list);
  // The tab's page with its plugins' content, to the GPU process (or to the software painter).
  void publishContent(Tab& tab);
  // demo://gpucrash and demo://plugincrash: the browser, not the renderer, breaks the process.
  void crashProcessesForUrl(const Tab& tab);
  // demo://ipc-lab (browser_ipc_lab.cpp): the page asks, the browser runs the helper and answers.
  void onIpcLabRequest(RendererProcess& process, Tab& tab, const wire::IpcLabRequest& request);
  void sendIpcLabReports();
  void sendIpcLabReport(Tab& tab);
  // A click on a plugin box goes to the plugin (or reloads it), not to the renderer.
  bool routeClickToPlugin(const Tab& tab, const wire::InputEvent& input);
  // demo://deadlock's calls (browser_calls.cpp): routed both ways, watched for wait-for cycles.
  void onPageCall(RendererProcess& process, Tab& tab, const wire::Envelope& envelope);
  void onPluginCallMessage(ProcessHost& host, ipc::Message&& message);
  void onPluginCall(ProcessHost& host, const wire::Envelope& envelope);
  void onCallReply(ProcessHost& callee, const wire::Envelope& envelope);
  // A blocked thread sends nothing, so a caller still waiting that makes another blocking call is
  // misbehaving: reported, and true.
  bool secondBlockingCall(ProcessHost& host, const wire::Call& call);
  void forwardCall(PendingCall call, ProcessHost& callee, wire::Envelope& forwarded);
  void answerCaller(const PendingCall& call, wire::CallReply reply);
  void checkForDeadlock(uint64_t call_id);
  // A process ended: calls it was to answer fail, calls it made are forgotten.
  void dropCallsOf(const ProcessHost* host);
  std::string nameInCycle(const ProcessHost* host) const;
  void onHeartbeat();
  // What every host reports to the IPC log and the child log.
  ProcessHost::Observer ipcObserver();
  void record(const ProcessHost& host, const wire::Envelope& envelope, size_t bytes, bool incoming);
  void checkShutdownComplete();
  // Crash reports and crash loops (browser_crashes.cpp).
  void reportExit(const ProcessHost& host, std::vector<CrashReport::ServedTab> tabs, const QString& served);
  void reloadTab(Tab& tab);
  void afterTabCrash(Tab& tab, uint64_t now_ns);

  Options options_;
  std::map<int, std::unique_ptr<Tab>> tabs_;
  std::map<const ProcessHost*, RendererProcess> renderers_;
  int next_tab_id_ = 1;
  uint64_t next_renderer_serial_ = 1;
  uint64_t next_navigation_id_ = 1;
  IpcLog ipc_log_;
  ChildLog child_log_;
  uint64_t started_ns_;
  std::unique_ptr<GpuHost> gpu_;
  std::unique_ptr<PluginHosts> plugins_;
  std::unique_ptr<ZygoteHost> zygote_;
  // demo://plugincrash opened while no ticker plugin ran: crash it once that page embeds one.
  uint64_t plugin_crash_navigation_ = 0;
  QTimer heartbeat_;
  bool shutting_down_ = false;
  CrashReports crash_reports_;
  std::unique_ptr<IpcLabRunner> ipc_lab_;
  // Tabs whose demo://ipc-lab page asked for reports, with the navigation that asked.
  std::map<int, uint64_t> ipc_lab_pages_;
  std::map<uint64_t, PendingCall> calls_;  // by the browser's own call id
  uint64_t next_call_id_ = 1;
  WaitForGraph wait_for_;
  // Forwarded calls the browser answered in the callee's place: the callee's own reply may still
  // come, and is dropped.
  std::map<const ProcessHost*, std::set<uint64_t>> late_replies_;
  std::vector<DeadlockReport> deadlocks_;
};

}  // namespace sb::browser
