#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>

#include "apps/browser/core/process_host.h"
#include "common/base/unique_fd.h"
#include "common/process/child_process.h"
#include "common/process/launcher.h"

namespace sb::browser {

// The browser's side of the renderer zygote (`sandbrowser-renderer --zygote`, docs/sandbox.md):
// starts it through the ordinary launcher, watches it, restarts it when it dies, and forks new
// renderers from it. Whenever it cannot (not up yet, dead, given up on, a request it cannot
// serve, a fork that fails) launch() execs the renderer instead: a tab never fails because of
// the zygote.
class ZygoteHost : public QObject {
  Q_OBJECT

 public:
  struct Options {
    // An exec'd renderer's configuration: the zygote serves exactly the launches it would make.
    ProcessHost::Config renderer;
    std::chrono::milliseconds fork_timeout{2000};
    // How long a launch waits for a zygote that is still starting before it execs instead.
    std::chrono::milliseconds startup_wait{1000};
    std::chrono::milliseconds restart_delay{200};
    // More deaths than this within crash_window and renderers are exec'd from then on.
    int crash_limit = 5;
    std::chrono::milliseconds crash_window{60000};
  };

  explicit ZygoteHost(Options options, QObject* parent = nullptr);
  ~ZygoteHost() override;

  void start();
  // For good, with no restart: the browser is quitting and its renderers are gone.
  void stop();
  bool live() const { return child_ != nullptr; }
  // To the zygote (kill -9 from the task manager shows the restart); false when there is none.
  bool sendSignal(int signal) { return child_ && child_->sendSignal(signal); }
  bool ready() const { return ready_; }
  pid_t pid() const { return child_ ? child_->pid() : -1; }
  bool gaveUp() const { return gave_up_; }
  uint64_t forks() const { return forks_; }          // renderers it forked
  uint64_t fallbacks() const { return fallbacks_; }  // launches it left to exec

  // For ProcessHost::Config::launcher: the zygote when it can, exec otherwise.
  process::LaunchResult launch(const process::LaunchOptions& options);
  // A launcher that stays safe to call after this host is gone (it then execs).
  std::function<process::LaunchResult(const process::LaunchOptions&)> launcher();

 signals:
  void readyChanged(bool ready);

 private:
  bool serves(const process::LaunchOptions& options) const;
  void awaitStartup();
  void onControlReadable();
  void onExitReadable();
  void died(const std::string& why);

  Options options_;
  process::LaunchOptions renderer_options_;
  std::unique_ptr<process::ChildProcess> child_;
  UniqueFd control_;
  UniqueFd crash_pipe_;
  std::unique_ptr<QSocketNotifier> control_notifier_;
  std::unique_ptr<QSocketNotifier> exit_notifier_;
  QTimer restart_timer_;
  std::deque<uint64_t> deaths_ns_;
  bool ready_ = false;
  bool gave_up_ = false;
  bool stopped_ = false;
  uint64_t forks_ = 0;
  uint64_t fallbacks_ = 0;
};

}  // namespace sb::browser
