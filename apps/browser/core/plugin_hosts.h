#pragma once

#include <QObject>
#include <QSize>
#include <QString>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "apps/browser/core/hang_watch.h"
#include "apps/browser/core/process_host.h"
#include "sandbrowser.pb.h"

namespace sb::browser {

// The plugin processes: one per plugin type, started when a page first embeds that type and
// shared by every box of that type in every tab (as NPAPI/PPAPI plugins were). Each box is an
// instance inside that process. When the process dies, every box of its type shows a placeholder
// until a person asks for it back (reload()); nothing restarts it behind their back.
class PluginHosts : public QObject {
  Q_OBJECT

 public:
  struct Options {
    ProcessHost::Config process;  // kind and the --plugin-type argument are set here
    // A plugin that leaves a Ping unanswered this long is killed: its boxes show the placeholder.
    std::chrono::milliseconds heartbeat_interval{1000};
    std::chrono::milliseconds hang_timeout{5000};
  };

  // What one box shows.
  struct BoxContent {
    enum class State { kStarting, kLive, kCrashed };
    State state = State::kStarting;
    std::shared_ptr<const wire::DisplayList> content;  // the plugin's latest, in box coordinates
    QString crash_reason;                              // when crashed
  };

  explicit PluginHosts(Options options, QObject* parent = nullptr);
  ~PluginHosts() override;

  // Makes the tab's instances match the plugin boxes of its display list.
  void syncTab(int tab_id, const wire::DisplayList& list);
  void removeTab(int tab_id);
  BoxContent content(int tab_id, uint32_t box_id) const;
  // A click inside a box, in box coordinates: to the plugin when it runs, a restart when crashed.
  void click(int tab_id, uint32_t box_id, int x, int y);

  // Starts the type's process again after a crash, and every box of that type with it.
  void reload(const std::string& type);
  // The kill menu and demo://plugincrash; a fault for a process still starting is sent once it
  // is ready. false when no process of that type exists.
  bool sendFault(const std::string& type, wire::DebugFault::Kind kind);
  bool sendSignal(const std::string& type, int signal);
  // The plugin process for a pid, to signal it; null if none.
  std::optional<std::string> typeOfPid(qint64 pid) const;

  struct TypeInfo {
    std::string type;
    const ProcessHost* process = nullptr;  // null when never started
    bool crashed = false;
    int crashes = 0;
    int instances = 0;
    QString crash_reason;
  };
  std::vector<TypeInfo> types() const;

  // Where a page's call to the plugin in its box goes (demo://deadlock): the running process and
  // the instance, or, in `error`, why there is none (the caller gets that as its reply).
  struct CallTarget {
    ProcessHost* host = nullptr;
    uint32_t instance_id = 0;
    std::string error;
  };
  CallTarget callTarget(int tab_id, uint32_t box_id) const;
  // The tab and box of the instance `host` runs as `instance_id`; nullopt when it runs none.
  std::optional<std::pair<int, uint32_t>> boxOfInstance(const ProcessHost& host,
                                                        uint32_t instance_id) const;
  // Whether the browser ever created this instance id (one destroyed since may cross a message).
  bool issuedInstance(uint32_t instance_id) const {
    return instance_id != 0 && instance_id < next_instance_id_;
  }
  // Calls and call replies from a plugin process go here: the browser routes them.
  void setCallHandler(std::function<void(ProcessHost&, ipc::Message&&)> handler) {
    call_handler_ = std::move(handler);
  }

  void setObserver(ProcessHost::Observer observer) { observer_ = std::move(observer); }
  void shutdown();
  bool live() const;

 signals:
  void contentChanged(int tab_id);
  void processesChanged();
  // Each plugin process that ends, before anything reacts to it (for crash reports).
  void processExited(const sb::browser::ProcessHost* process, const QString& type);

 private:
  using BoxKey = std::pair<int, uint32_t>;  // tab, box
  struct Instance {
    std::string type;
    uint32_t instance_id = 0;
    QSize size;
    std::shared_ptr<const wire::DisplayList> content;
  };
  struct TypeState {
    std::unique_ptr<ProcessHost> host;
    std::unique_ptr<HangWatch> hang_watch;
    bool crashed = false;
    int crashes = 0;
    QString crash_reason;
    std::optional<wire::DebugFault::Kind> fault_on_ready;
    std::map<uint32_t, BoxKey> instances;  // instance id -> box
  };

  TypeState& start(const std::string& type);
  void createInstance(const BoxKey& key, Instance& instance);
  void destroyInstance(const BoxKey& key);
  void onReady(const std::string& type);
  void onExited(const std::string& type);
  void onMessage(const std::string& type, ProcessHost& host, ipc::Message&& message);
  bool running(const TypeState& state) const;

  Options options_;
  ProcessHost::Observer observer_;
  std::function<void(ProcessHost&, ipc::Message&&)> call_handler_;
  std::map<std::string, TypeState> types_;
  std::map<BoxKey, Instance> boxes_;
  uint32_t next_instance_id_ = 1;
  bool shutting_down_ = false;
};

}  // namespace sb::browser
