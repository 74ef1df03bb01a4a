#include "apps/browser/core/plugin_hosts.h"

#include <algorithm>
#include <set>

#include <spdlog/spdlog.h>

#include "apps/browser/core/child_message_policy.h"

namespace sb::browser {

PluginHosts::PluginHosts(Options options, QObject* parent) : QObject(parent), options_(std::move(options)) {
  options_.process.kind = wire::PROCESS_KIND_PLUGIN;
}

PluginHosts::~PluginHosts() = default;

bool PluginHosts::running(const TypeState& state) const {
  return state.host && !state.crashed && state.host->state() == ProcessHost::State::kRunning;
}

PluginHosts::TypeState& PluginHosts::start(const std::string& type) {
  TypeState& state = types_[type];
  state.hang_watch.reset();
  if (state.host) state.host.release()->deleteLater();  // we may be inside its exited() signal
  state.crashed = false;
  state.crash_reason.clear();
  ProcessHost::Config config = options_.process;
  config.arguments.push_back("--plugin-type=" + type);
  state.host = std::make_unique<ProcessHost>(config);
  ProcessHost* raw = state.host.get();
  raw->setMessageHandler(
      [this, type](ProcessHost& host, ipc::Message&& m) { onMessage(type, host, std::move(m)); });
  raw->setObserver(observer_);
  auto current = [this, type, raw] { return types_[type].host.get() == raw; };
  connect(raw, &ProcessHost::ready, this, [this, type, current] {
    if (current()) onReady(type);
  });
  connect(raw, &ProcessHost::exited, this, [this, type, current, raw] {
    emit processExited(raw, QString::fromStdString(type));
    if (current()) onExited(type);
  });
  connect(raw, &ProcessHost::launchFailed, this, [this, type, current] {
    if (current()) onExited(type);
  });
  connect(raw, &ProcessHost::launched, this, &PluginHosts::processesChanged);
  raw->start();
  emit processesChanged();
  return state;
}

void PluginHosts::syncTab(int tab_id, const wire::DisplayList& list) {
  std::map<uint32_t, const wire::PluginBox*> wanted;
  for (const auto& item : list.items()) {
    if (item.has_plugin()) wanted[item.plugin().box_id()] = &item.plugin();
  }
  std::vector<BoxKey> stale;
  for (const auto& [key, instance] : boxes_) {
    if (key.first != tab_id) continue;
    auto it = wanted.find(key.second);
    const bool same = it != wanted.end() && it->second->type() == instance.type &&
                      QSize(it->second->rect().width(), it->second->rect().height()) == instance.size;
    if (!same) stale.push_back(key);
  }
  for (const auto& key : stale) destroyInstance(key);
  for (const auto& [box_id, box] : wanted) {
    const BoxKey key{tab_id, box_id};
    if (boxes_.contains(key)) continue;
    Instance& instance = boxes_[key];
    instance.type = box->type();
    instance.instance_id = next_instance_id_++;
    instance.size = QSize(box->rect().width(), box->rect().height());
    createInstance(key, instance);
  }
}

void PluginHosts::createInstance(const BoxKey& key, Instance& instance) {
  auto it = types_.find(instance.type);
  TypeState& state = (it == types_.end() || (!it->second.host && !it->second.crashed)) ? start(instance.type)
                                                                                       : it->second;
  state.instances[instance.instance_id] = key;
  if (!running(state)) return;  // created on ready, or never while crashed
  wire::Envelope envelope;
  envelope.set_tab_id(static_cast<uint32_t>(key.first));
  auto* create = envelope.mutable_plugin_create();
  create->set_instance_id(instance.instance_id);
  create->set_width(instance.size.width());
  create->set_height(instance.size.height());
  state.host->send(envelope);
}

void PluginHosts::destroyInstance(const BoxKey& key) {
  auto it = boxes_.find(key);
  if (it == boxes_.end()) return;
  TypeState& state = types_[it->second.type];
  state.instances.erase(it->second.instance_id);
  if (running(state)) {
    wire::Envelope envelope;
    envelope.mutable_plugin_destroy()->set_instance_id(it->second.instance_id);
    state.host->send(envelope);
  }
  boxes_.erase(it);
}

void PluginHosts::removeTab(int tab_id) {
  std::vector<BoxKey> keys;
  for (const auto& [key, instance] : boxes_) {
    if (key.first == tab_id) keys.push_back(key);
  }
  for (const auto& key : keys) destroyInstance(key);
}

PluginHosts::BoxContent PluginHosts::content(int tab_id, uint32_t box_id) const {
  BoxContent result;
  auto it = boxes_.find({tab_id, box_id});
  if (it == boxes_.end()) return result;
  auto type = types_.find(it->second.type);
  if (type != types_.end() && type->second.crashed) {
    result.state = BoxContent::State::kCrashed;
    result.crash_reason = type->second.crash_reason;
    return result;
  }
  result.content = it->second.content;
  result.state = result.content ? BoxContent::State::kLive : BoxContent::State::kStarting;
  return result;
}

void PluginHosts::click(int tab_id, uint32_t box_id, int x, int y) {
  auto it = boxes_.find({tab_id, box_id});
  if (it == boxes_.end()) return;
  TypeState& state = types_[it->second.type];
  if (state.crashed) {
    reload(it->second.type);
    return;
  }
  if (!running(state)) return;
  wire::Envelope envelope;
  envelope.set_tab_id(static_cast<uint32_t>(tab_id));
  auto* input = envelope.mutable_plugin_input();
  input->set_instance_id(it->second.instance_id);
  input->mutable_click()->set_x(x);
  input->mutable_click()->set_y(y);
  state.host->send(envelope);
}

void PluginHosts::reload(const std::string& type) {
  auto it = types_.find(type);
  if (it == types_.end() || !it->second.crashed || shutting_down_) return;
  spdlog::info("reloading the {} plugin", type);
  start(type);
  std::set<int> tabs;
  for (const auto& [id, key] : it->second.instances) tabs.insert(key.first);
  for (int tab : tabs) emit contentChanged(tab);  // placeholder -> "starting"
}

void PluginHosts::onReady(const std::string& type) {
  TypeState& state = types_[type];
  ProcessHost* host = state.host.get();
  state.hang_watch = std::make_unique<HangWatch>(*host, options_.heartbeat_interval, options_.hang_timeout, [this, host] {
    host->killWithReason("killed by the browser: the plugin stopped answering for " +
                         std::to_string(options_.hang_timeout.count()) + " ms");
  });
  for (const auto& [id, key] : state.instances) {
    auto box = boxes_.find(key);
    if (box != boxes_.end()) createInstance(key, box->second);
  }
  if (auto fault = std::exchange(state.fault_on_ready, std::nullopt)) sendFault(type, *fault);
  emit processesChanged();
}

void PluginHosts::onExited(const std::string& type) {
  TypeState& state = types_[type];
  state.hang_watch.reset();
  if (shutting_down_) {
    emit processesChanged();
    return;
  }
  state.crashed = true;
  ++state.crashes;
  state.fault_on_ready.reset();
  state.crash_reason = QString::fromStdString(state.host->exitInfo().describe());
  spdlog::warn("{} plugin process pid {} gone: {}; its boxes show a placeholder in every tab", type,
               state.host->pid(), state.crash_reason.toStdString());
  std::set<int> tabs;
  for (const auto& [id, key] : state.instances) {
    tabs.insert(key.first);
    if (auto box = boxes_.find(key); box != boxes_.end()) box->second.content.reset();
  }
  for (int tab : tabs) emit contentChanged(tab);
  emit processesChanged();
}

void PluginHosts::onMessage(const std::string& type, ProcessHost& host, ipc::Message&& message) {
  if (auto violation = checkPluginMessage(message)) {
    host.reportBadMessage(*violation);
    return;
  }
  const auto& envelope = message.envelope;
  if (envelope.has_log_record()) {
    spdlog::debug("[plugin {} {}] {}", type, host.pid(), envelope.log_record().text());
    return;
  }
  if (envelope.has_pong()) {
    if (TypeState& state = types_[type]; state.hang_watch) state.hang_watch->onPong(envelope);
    return;
  }
  if (envelope.has_call() || envelope.has_call_reply()) {
    if (call_handler_) call_handler_(host, std::move(message));
    return;
  }
  if (!envelope.has_plugin_frame()) return;
  const uint32_t instance_id = envelope.plugin_frame().instance_id();
  TypeState& state = types_[type];
  auto it = state.instances.find(instance_id);
  if (it == state.instances.end()) {
    // An id the browser issued and has since destroyed: the frame crossed the PluginDestroy.
    if (instance_id != 0 && instance_id < next_instance_id_) return;
    host.reportBadMessage("PluginFrame for instance " + std::to_string(instance_id) +
                          ", which the browser never created");
    return;
  }
  auto box = boxes_.find(it->second);
  if (box == boxes_.end()) return;
  box->second.content = std::make_shared<const wire::DisplayList>(envelope.plugin_frame().content());
  emit contentChanged(it->second.first);
}

bool PluginHosts::sendFault(const std::string& type, wire::DebugFault::Kind kind) {
  auto it = types_.find(type);
  if (it == types_.end() || !it->second.host || it->second.crashed) return false;
  TypeState& state = it->second;
  if (!running(state)) {
    state.fault_on_ready = kind;
    return true;
  }
  wire::Envelope envelope;
  envelope.mutable_debug_fault()->set_kind(kind);
  return state.host->send(envelope);
}

bool PluginHosts::sendSignal(const std::string& type, int signal) {
  auto it = types_.find(type);
  if (it == types_.end() || !it->second.host || it->second.crashed) return false;
  return it->second.host->sendSignal(signal);
}

PluginHosts::CallTarget PluginHosts::callTarget(int tab_id, uint32_t box_id) const {
  auto box = boxes_.find({tab_id, box_id});
  if (box == boxes_.end()) {
    return {.error = "this page has no plugin in box " + std::to_string(box_id)};
  }
  auto type = types_.find(box->second.type);
  if (type == types_.end() || type->second.crashed) {
    return {.error = "the " + box->second.type + " plugin process has crashed"};
  }
  if (!running(type->second)) {
    return {.error = "the " + box->second.type + " plugin process is still starting"};
  }
  return {.host = type->second.host.get(), .instance_id = box->second.instance_id};
}

std::optional<std::pair<int, uint32_t>> PluginHosts::boxOfInstance(const ProcessHost& host,
                                                                   uint32_t instance_id) const {
  for (const auto& [type, state] : types_) {
    if (state.host.get() != &host) continue;
    auto it = state.instances.find(instance_id);
    if (it == state.instances.end()) return std::nullopt;
    return it->second;
  }
  return std::nullopt;
}

std::optional<std::string> PluginHosts::typeOfPid(qint64 pid) const {
  for (const auto& [type, state] : types_) {
    if (state.host && !state.crashed && state.host->pid() == pid) return type;
  }
  return std::nullopt;
}

std::vector<PluginHosts::TypeInfo> PluginHosts::types() const {
  std::vector<TypeInfo> infos;
  for (const auto& [type, state] : types_) {
    infos.push_back(TypeInfo{type, state.host.get(), state.crashed, state.crashes,
                             static_cast<int>(state.instances.size()), state.crash_reason});
  }
  return infos;
}

void PluginHosts::shutdown() {
  shutting_down_ = true;
  for (auto& [type, state] : types_) {
    if (state.host) state.host->shutdown("browser quitting");
  }
}

bool PluginHosts::live() const {
  return std::any_of(types_.begin(), types_.end(),
                     [](const auto& entry) { return entry.second.host && entry.second.host->alive(); });
}

}  // namespace sb::browser
