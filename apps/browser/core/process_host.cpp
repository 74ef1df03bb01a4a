#include "apps/browser/core/process_host.h"

#include <signal.h>

#include <algorithm>

#include <spdlog/spdlog.h>

#include "common/base/clock.h"
#include "common/process/crash_note.h"
#include "common/process/spawn_protocol.h"

namespace sb::browser {

const char* processKindName(wire::ProcessKind kind) {
  switch (kind) {
    case wire::PROCESS_KIND_BROWSER: return "browser";
    case wire::PROCESS_KIND_RENDERER: return "renderer";
    case wire::PROCESS_KIND_GPU: return "gpu";
    case wire::PROCESS_KIND_PLUGIN: return "plugin";
    case wire::PROCESS_KIND_TEST: return "test";
    default: return "unknown";
  }
}

process::LaunchOptions launchOptionsFor(const ProcessHost::Config& config) {
  process::LaunchOptions options;
  options.executable = config.executable;
  options.arguments = config.arguments;
  options.command_prefix = config.command_prefix;
  if (config.sandbox) {
    options.namespaces = process::Namespaces::all();
    if (!config.disabled_sandbox_layers.empty()) {
      std::string flag(process::kDisableLayersFlag);
      for (size_t i = 0; i < config.disabled_sandbox_layers.size(); ++i) {
        flag += (i ? "," : "") + config.disabled_sandbox_layers[i];
      }
      options.arguments.push_back(std::move(flag));
    }
  } else {
    options.arguments.emplace_back(process::kNoSandboxFlag);
  }
  return options;
}

std::string ExitInfo::describe() const {
  if (!killed_by_browser.empty()) return killed_by_browser;
  if (status) return process::describeExit(*status, crash_note);
  return never_started.empty() ? "not started" : never_started;
}

ProcessHost::ProcessHost(Config config, QObject* parent)
    : QObject(parent), config_(std::move(config)), in_process_(config_.in_process) {
  hello_timer_.setSingleShot(true);
  connect(&hello_timer_, &QTimer::timeout, this, [this] {
    killWithReason("killed by the browser: no Hello within " + std::to_string(config_.hello_timeout.count()) + " ms");
  });
  kill_timer_.setSingleShot(true);
  connect(&kill_timer_, &QTimer::timeout, this, [this] {
    // A thread that did not end within the grace is stuck (hung, or waiting on the browser).
    if (state_ == State::kExited || sendSignal(SIGKILL) || !in_process_) return;
    if (exit_info_.killed_by_browser.empty()) {
      exit_info_.killed_by_browser = "renderer thread abandoned: it did not end within " +
                                     std::to_string(config_.shutdown_grace.count()) + " ms of being asked to";
    }
    abandonThread();
  });
}

ProcessHost::~ProcessHost() {
  // ChildProcess's destructor kills and reaps a child that is still running.
  channel_driver_.reset();
  exit_notifier_.reset();
}

void ProcessHost::start() {
  if (state_ != State::kNotStarted) return;
  state_ = State::kLaunching;
  QMetaObject::invokeMethod(this, &ProcessHost::launchNow, Qt::QueuedConnection);
}

void ProcessHost::launchNow() {
  if (state_ != State::kLaunching) return;  // shut down before the queued launch ran
  const process::LaunchOptions options = launchOptionsFor(config_);
  auto result = config_.launcher ? config_.launcher(options) : process::launchChild(options);
  if (auto* failure = std::get_if<process::LaunchFailure>(&result)) {
    state_ = State::kLaunchFailed;
    spdlog::error("{} launch failed: {}", processKindName(config_.kind), failure->message);
    emit launchFailed(QString::fromStdString(failure->message));
    return;
  }
  auto& launched_child = std::get<process::LaunchedChild>(result);
  launched_at_ns_ = monotonicNowNs();
  child_ = std::make_unique<process::ChildProcess>(launched_child.pid, std::move(launched_child.pidfd),
                                                   std::move(launched_child.init),
                                                   std::move(launched_child.exit_report));
  crash_pipe_ = std::move(launched_child.crash_pipe);
  in_process_ = in_process_ || launched_child.in_process;
  spawn_namespaces_ = std::move(launched_child.namespaces);
  for (const auto& ns : spawn_namespaces_) {
    if (!ns.engaged) spdlog::warn("{} {} namespace not engaged: {}", processKindName(config_.kind), ns.name, ns.detail);
  }
  channel_ = std::make_unique<ipc::Channel>(std::move(launched_child.channel), config_.limits);
  channel_->setClient(this);
  channel_driver_ = std::make_unique<ipc::QtChannel>(*channel_);
  exit_notifier_ = std::make_unique<QSocketNotifier>(child_->exitFd(), QSocketNotifier::Read);
  connect(exit_notifier_.get(), &QSocketNotifier::activated, this, &ProcessHost::onPidfdReadable);
  state_ = State::kHandshaking;
  hello_timer_.start(config_.hello_timeout);
  spdlog::debug("launched {} pid {}", processKindName(config_.kind), child_->pid());
  emit launched(child_->pid());
}

bool ProcessHost::send(wire::Envelope& envelope, std::span<const int> fds) {
  if (!channel_ || !channel_->isOpen()) return false;
  if (auto error = channel_->send(envelope, fds)) {
    spdlog::warn("send to {} pid {} failed: {}", processKindName(config_.kind), pid(), error->describe());
    return false;
  }
  if (observer_.message) observer_.message(*this, envelope, envelope.ByteSizeLong() + ipc::kFrameHeaderBytes, false);
  return true;
}

void ProcessHost::shutdown(const std::string& reason) {
  if (!alive()) return;
  shutdown_requested_ = true;
  if (state_ == State::kNotStarted || state_ == State::kLaunching) {
    state_ = State::kExited;
    exit_info_.never_started = "shut down before it started (" + reason + ")";
    // Queued, like a real exit, so the caller is not re-entered from inside its own call.
    QMetaObject::invokeMethod(
        this, [this] { emit exited(QString::fromStdString(exit_info_.describe())); }, Qt::QueuedConnection);
    return;
  }
  wire::Envelope envelope;
  envelope.mutable_shutdown()->set_reason(reason);
  send(envelope);
  kill_timer_.start(config_.shutdown_grace);
}

bool ProcessHost::sendSignal(int signal) { return child_ && child_->sendSignal(signal); }

void ProcessHost::reportBadMessage(const std::string& reason) {
  spdlog::error("bad message from {} pid {}: {}", processKindName(config_.kind), pid(), reason);
  if (observer_.bad_message) observer_.bad_message(*this, reason, in_message_);
  killWithReason(std::string(processKindName(config_.kind)) + " terminated: bad IPC message (" + reason + ")");
}

void ProcessHost::killWithReason(const std::string& reason) {
  if (state_ == State::kExited || !child_) return;
  if (exit_info_.killed_by_browser.empty()) exit_info_.killed_by_browser = reason;
  if (channel_) channel_->close();
  if (sendSignal(SIGKILL) || !in_process_) return;
  exit_info_.killed_by_browser += " (a thread cannot be killed: it was abandoned, and a hung one keeps running until the browser exits)";
  abandonThread();
}

// A thread cannot be killed on its own. Closing the channel ends one that still reads it; a hung
// one spins on inside the browser until the browser exits. Either way it is let go now.
void ProcessHost::abandonThread() {
  if (channel_) channel_->close();
  spdlog::warn("renderer thread abandoned: a thread cannot be killed without its process");
  QMetaObject::invokeMethod(
      this,
      [this] {
        // As a kill would have ended it; not waited for, since a hung thread never reports.
        if (state_ != State::kExited) finishExit({process::ExitStatus::Kind::kKilled, 0, SIGKILL});
      },
      Qt::QueuedConnection);
}

void ProcessHost::onMessage(ipc::Message&& message) {
  if (observer_.message) observer_.message(*this, message.envelope, message.wire_bytes, true);
  in_message_ = true;
  const struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{in_message_};
  if (state_ == State::kHandshaking) {
    if (message.envelope.body_case() != wire::Envelope::kHello) {
      reportBadMessage("first message is not Hello");
      return;
    }
    acceptHello(message.envelope.hello());
    return;
  }
  if (message.envelope.body_case() == wire::Envelope::kHello) {
    reportBadMessage("second Hello");
    return;
  }
  if (message.envelope.body_case() == wire::Envelope::BODY_NOT_SET) {
    reportBadMessage("unknown message kind");
    return;
  }
  if (handler_) {
    handler_(*this, std::move(message));
  } else if (message.envelope.body_case() != wire::Envelope::kPong &&
             message.envelope.body_case() != wire::Envelope::kLogRecord) {
    reportBadMessage("unexpected message kind " + std::to_string(message.envelope.body_case()));
  }
}

void ProcessHost::acceptHello(const wire::Hello& hello) {
  hello_timer_.stop();
  if (hello.protocol_version() != wire::PROTOCOL_VERSION_CURRENT) {
    reportBadMessage("protocol version " + std::to_string(hello.protocol_version()) + ", expected " +
                     std::to_string(wire::PROTOCOL_VERSION_CURRENT));
    return;
  }
  if (hello.kind() != config_.kind) {
    reportBadMessage(std::string("Hello says ") + processKindName(hello.kind()) + ", launched as " +
                     processKindName(config_.kind));
    return;
  }
  hello_ = hello;
  state_ = State::kRunning;
  emit ready();
}

std::vector<wire::SandboxLayer> ProcessHost::sandboxLayers() const {
  std::vector<wire::SandboxLayer> layers;
  for (const auto& ns : spawn_namespaces_) {
    wire::SandboxLayer layer;
    layer.set_name(ns.name + "-namespace");
    layer.set_engaged(ns.engaged);
    layer.set_detail(ns.detail);
    layers.push_back(std::move(layer));
  }
  const size_t spawn_count = layers.size();
  for (const auto& reported : hello_.sandbox().layers()) {
    const auto end = layers.begin() + static_cast<std::ptrdiff_t>(spawn_count);
    if (std::none_of(layers.begin(), end, [&](const auto& l) { return l.name() == reported.name(); })) {
      layers.push_back(reported);
    }
  }
  return layers;
}

wire::SandboxStatus ProcessHost::sandboxStatus() const {
  wire::SandboxStatus status;
  // Before a Hello only the browser's intent is known; after it, what the child says it did.
  const bool said_hello = hello_.kind() != wire::PROCESS_KIND_UNSPECIFIED;
  status.set_enabled(said_hello ? hello_.sandbox().enabled() : config_.sandbox);
  for (auto& layer : sandboxLayers()) *status.add_layers() = std::move(layer);
  return status;
}

void ProcessHost::onChannelError(const ipc::ChannelError& error) {
  if (error.isBadInput()) {
    reportBadMessage(error.describe());
    return;
  }
  // EOF usually means the child is exiting; the pidfd reports how. Anything else is logged.
  if (error.kind != ipc::ErrorKind::kPeerClosed) {
    spdlog::warn("channel to {} pid {}: {}", processKindName(config_.kind), pid(), error.describe());
  }
}

void ProcessHost::onPidfdReadable() {
  auto status = child_->tryReap();
  if (status) finishExit(*status);
}

void ProcessHost::finishExit(process::ExitStatus status) {
  exit_notifier_->setEnabled(false);
  hello_timer_.stop();
  kill_timer_.stop();
  // Read what the child sent before dying: its last log lines matter for the crash report.
  if (channel_ && channel_->isOpen()) channel_->handleReadable();
  if (channel_) channel_->close();
  if (crash_pipe_) exit_info_.crash_note = process::drainCrashPipe(crash_pipe_.get());
  crash_pipe_.reset();
  state_ = State::kExited;
  exit_info_.status = status;
  spdlog::info("{} pid {} {}", processKindName(config_.kind), pid(), exit_info_.describe());
  emit exited(QString::fromStdString(exit_info_.describe()));
}

}  // namespace sb::browser
