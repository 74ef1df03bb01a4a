#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <QString>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/ipc/channel.h"
#include "common/ipc/qt_channel.h"
#include "common/process/child_process.h"
#include "common/process/launcher.h"

namespace sb::browser {

// Why a child is gone, as the user sees it.
struct ExitInfo {
  std::optional<process::ExitStatus> status;  // absent when the launch itself failed
  // The whole reason when the browser killed it on purpose, e.g. "renderer terminated: bad IPC
  // message (...)"; empty otherwise.
  std::string killed_by_browser;
  std::string never_started;                  // why no process was ever launched, if so
  // What the child wrote to its crash fd before it died (bounded, untrusted text), e.g. the
  // sandbox's "sandbox: syscall 246 (kexec_load)".
  std::string crash_note;
  // Also "killed by the sandbox: syscall 246 (kexec_load)" for a SIGSYS with such a note.
  std::string describe() const;
};

// One child process as the browser sees it: launch, channel, handshake, exit watch, kill.
// Launching is asynchronous (the result arrives as launched() or launchFailed() on a later
// event-loop turn); exit is observed through the pidfd, not by polling.
class ProcessHost : public QObject, private ipc::Channel::Client {
  Q_OBJECT

 public:
  enum class State { kNotStarted, kLaunching, kHandshaking, kRunning, kExited, kLaunchFailed };

  struct Config {
    wire::ProcessKind kind = wire::PROCESS_KIND_RENDERER;
    std::string executable;
    std::vector<std::string> arguments;
    std::vector<std::string> command_prefix;
    std::chrono::milliseconds hello_timeout{10000};
    std::chrono::milliseconds shutdown_grace{2000};
    ipc::ChannelLimits limits;
    // On: the child starts in new user, pid, net and ipc namespaces where the kernel allows and
    // engages its own layers before the Hello. Off: --no-sandbox, and no namespaces.
    bool sandbox = true;
    // Child layers to leave off (--disable-sandbox-layer), to show what a degraded sandbox looks like.
    std::vector<std::string> disabled_sandbox_layers;
    // How the child is started from the options launchOptionsFor() made: empty is
    // process::launchChild (exec); a ZygoteHost's forks a renderer from its zygote instead.
    std::function<process::LaunchResult(const process::LaunchOptions&)> launcher;
    // The launcher starts a thread of this process, not a child (the single-process model).
    bool in_process = false;
  };

  // Sees every message that crosses this host's channel, both ways, and every bad message, for
  // the inspector. `logged` says whether the bad message was seen by `message` first (a decoded
  // envelope the browser rejected) or never decoded (a malformed frame).
  struct Observer {
    std::function<void(const ProcessHost&, const wire::Envelope&, size_t wire_bytes, bool incoming)> message;
    std::function<void(const ProcessHost&, const std::string& reason, bool logged)> bad_message;
  };
  using MessageHandler = std::function<void(ProcessHost&, ipc::Message&&)>;

  ProcessHost(Config config, QObject* parent = nullptr);
  ~ProcessHost() override;

  void start();
  // Sends when the channel is up; false (and a log line) otherwise.
  bool send(wire::Envelope& envelope, std::span<const int> fds = {});
  // Asks the child to exit, then SIGKILL after the grace period if it has not. Before the launch
  // has happened it cancels the launch instead; exited() follows in either case.
  void shutdown(const std::string& reason);
  bool sendSignal(int signal);
  // The one place where a misbehaving child is dealt with: log, remember why, kill.
  void reportBadMessage(const std::string& reason);
  // Kill for a browser-side reason, worded as the user should read it ("killed by the browser: ...").
  void killWithReason(const std::string& reason);

  void setMessageHandler(MessageHandler handler) { handler_ = std::move(handler); }
  void setObserver(Observer observer) { observer_ = std::move(observer); }

  State state() const { return state_; }
  // Launched or on its way, and not yet gone: what shutdown waits for.
  bool alive() const { return state_ != State::kExited && state_ != State::kLaunchFailed; }
  wire::ProcessKind kind() const { return config_.kind; }
  pid_t pid() const { return child_ ? child_->pid() : -1; }
  // A renderer thread of this very process (single-process model): pid() is the browser's own.
  bool inProcess() const { return in_process_; }
  const wire::Hello& hello() const { return hello_; }
  // The namespaces asked for at spawn and whether each engaged, as the launcher saw it.
  const std::vector<process::NamespaceOutcome>& spawnNamespaces() const { return spawn_namespaces_; }
  // Every sandbox layer: the spawn-time namespaces (observed here, so they are trusted) first,
  // then the layers the child reported in its Hello, minus any it reported for those namespaces.
  std::vector<wire::SandboxLayer> sandboxLayers() const;
  // The same as a SandboxStatus, as the control socket lists it.
  wire::SandboxStatus sandboxStatus() const;
  const ExitInfo& exitInfo() const { return exit_info_; }
  const ipc::ChannelStats* channelStats() const { return channel_ ? &channel_->stats() : nullptr; }
  uint64_t launchedAtNs() const { return launched_at_ns_; }
  // shutdown() was called: a clean exit after it is the browser's doing, not a crash.
  bool shutdownRequested() const { return shutdown_requested_; }

 signals:
  void launched(qint64 pid);
  void launchFailed(const QString& message);
  void ready();  // the Hello was accepted
  void exited(const QString& reason);

 private:
  void launchNow();
  void onMessage(ipc::Message&& message) override;
  void onChannelError(const ipc::ChannelError& error) override;
  void onPidfdReadable();
  void finishExit(process::ExitStatus status);
  void abandonThread();
  void acceptHello(const wire::Hello& hello);

  Config config_;
  State state_ = State::kNotStarted;
  std::unique_ptr<process::ChildProcess> child_;
  std::unique_ptr<ipc::Channel> channel_;
  std::unique_ptr<ipc::QtChannel> channel_driver_;
  std::unique_ptr<QSocketNotifier> exit_notifier_;
  QTimer hello_timer_;
  QTimer kill_timer_;
  wire::Hello hello_;
  std::vector<process::NamespaceOutcome> spawn_namespaces_;
  UniqueFd crash_pipe_;
  ExitInfo exit_info_;
  MessageHandler handler_;
  Observer observer_;
  uint64_t launched_at_ns_ = 0;
  bool shutdown_requested_ = false;
  bool in_process_ = false;
  bool in_message_ = false;  // inside onMessage: a bad message now is the one just observed
};

const char* processKindName(wire::ProcessKind kind);

// What launching `config` asks the launcher for: the executable, its arguments and the sandbox
// flags and namespaces that config.sandbox and config.disabled_sandbox_layers mean.
process::LaunchOptions launchOptionsFor(const ProcessHost::Config& config);

}  // namespace sb::browser
