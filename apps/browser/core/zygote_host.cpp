#include "apps/browser/core/zygote_host.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>

#include <cerrno>

#include <QPointer>

#include <spdlog/spdlog.h>

#include "common/base/clock.h"
#include "common/process/crash_note.h"
#include "common/process/zygote_client.h"
#include "common/process/zygote_protocol.h"

namespace sb::browser {

ZygoteHost::ZygoteHost(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)), renderer_options_(launchOptionsFor(options_.renderer)) {
  restart_timer_.setSingleShot(true);
  connect(&restart_timer_, &QTimer::timeout, this, &ZygoteHost::start);
}

// ChildProcess's destructor kills and reaps the zygote; its renderers go with its pid namespace.
ZygoteHost::~ZygoteHost() {
  control_notifier_.reset();
  exit_notifier_.reset();
}

void ZygoteHost::start() {
  if (child_ || gave_up_ || stopped_) return;
  process::LaunchOptions options = renderer_options_;
  options.arguments.insert(options.arguments.begin(), std::string(process::kZygoteFlag));
  auto result = process::launchChild(options);
  if (auto* failure = std::get_if<process::LaunchFailure>(&result)) {
    died("launch failed: " + failure->message);
    return;
  }
  auto& launched = std::get<process::LaunchedChild>(result);
  child_ = std::make_unique<process::ChildProcess>(launched.pid, std::move(launched.pidfd),
                                                   std::move(launched.init));
  control_ = std::move(launched.channel);
  crash_pipe_ = std::move(launched.crash_pipe);
  control_notifier_ = std::make_unique<QSocketNotifier>(control_.get(), QSocketNotifier::Read);
  connect(control_notifier_.get(), &QSocketNotifier::activated, this, &ZygoteHost::onControlReadable);
  exit_notifier_ = std::make_unique<QSocketNotifier>(child_->exitFd(), QSocketNotifier::Read);
  connect(exit_notifier_.get(), &QSocketNotifier::activated, this, &ZygoteHost::onExitReadable);
  spdlog::debug("zygote started, pid {}", child_->pid());
}

void ZygoteHost::stop() {
  stopped_ = true;
  restart_timer_.stop();
  control_notifier_.reset();
  exit_notifier_.reset();
  control_.reset();  // the zygote exits on EOF; killAndReap makes sure without waiting for it
  crash_pipe_.reset();
  if (child_) child_->killAndReap();
  child_.reset();
  if (std::exchange(ready_, false)) emit readyChanged(false);
}

void ZygoteHost::onControlReadable() {
  // The zygote says one thing, once: that it is ready. After that only EOF can come, which the
  // exit watch handles, so the notifier goes quiet either way.
  control_notifier_->setEnabled(false);
  process::ZygoteRecord record;
  if (::recv(control_.get(), &record, sizeof(record), MSG_DONTWAIT) == sizeof(record) &&
      record.magic == process::ZygoteRecord::kReady) {
    ready_ = true;
    spdlog::info("zygote pid {} ready: renderers are forked from it", child_->pid());
    emit readyChanged(true);
  }
}

void ZygoteHost::onExitReadable() {
  const auto status = child_->tryReap();
  if (!status) return;
  std::string note = crash_pipe_ ? process::drainCrashPipe(crash_pipe_.get()) : std::string();
  died("pid " + std::to_string(child_->pid()) + " " + process::describeExit(*status, note));
}

void ZygoteHost::died(const std::string& why) {
  control_notifier_.reset();
  exit_notifier_.reset();
  control_.reset();
  crash_pipe_.reset();
  child_.reset();
  const bool was_ready = std::exchange(ready_, false);
  if (was_ready) emit readyChanged(false);
  // Bounded restarts: a zygote that keeps dying is given up on, and renderers are exec'd.
  const uint64_t now = monotonicNowNs();
  const auto window = static_cast<uint64_t>(std::chrono::nanoseconds(options_.crash_window).count());
  deaths_ns_.push_back(now);
  while (!deaths_ns_.empty() && now - deaths_ns_.front() > window) deaths_ns_.pop_front();
  if (static_cast<int>(deaths_ns_.size()) > options_.crash_limit) {
    gave_up_ = true;
    spdlog::error("zygote {}; it died {} times within {} s, renderers are exec'd from now on", why,
                  deaths_ns_.size(), std::chrono::duration_cast<std::chrono::seconds>(options_.crash_window).count());
    return;
  }
  spdlog::warn("zygote {}; renderers are exec'd until it is back", why);
  restart_timer_.start(options_.restart_delay);
}

bool ZygoteHost::serves(const process::LaunchOptions& options) const {
  // Anything the zygote's renderers would not have (another program, a wrapper such as
  // --renderer-cmd-prefix, other arguments or namespaces, a different environment) means exec.
  return options.executable == renderer_options_.executable &&
         options.arguments == renderer_options_.arguments && options.command_prefix.empty() &&
         options.namespaces.list() == renderer_options_.namespaces.list() &&
         options.extra_environment.empty() &&
         options.environment_allowlist == renderer_options_.environment_allowlist &&
         options.die_with_parent && !options.allow_core_dumps;
}

// A zygote still starting (the first tabs of a session open right after it) is worth a short wait:
// it is ready within milliseconds, and every renderer forked instead of exec'd saves more.
void ZygoteHost::awaitStartup() {
  if (ready_ || !child_ || !control_notifier_ || !control_notifier_->isEnabled()) return;
  pollfd ready{control_.get(), POLLIN, 0};
  const int timeout_ms = static_cast<int>(options_.startup_wait.count());
  int rc;
  do {
    rc = ::poll(&ready, 1, timeout_ms);
  } while (rc < 0 && errno == EINTR);
  if (rc > 0) onControlReadable();
}

process::LaunchResult ZygoteHost::launch(const process::LaunchOptions& options) {
  if (serves(options)) awaitStartup();
  if (!ready_ || !serves(options)) {
    ++fallbacks_;
    return process::launchChild(options);
  }
  auto result = process::forkFromZygote(control_.get(), child_->pid(), renderer_options_.namespaces,
                                        options_.fork_timeout);
  if (auto* failure = std::get_if<process::LaunchFailure>(&result)) {
    spdlog::warn("zygote pid {}: {}; exec'ing the renderer instead", child_->pid(), failure->message);
    // A zygote that cannot be talked to any more is replaced; one whose fork failed is kept.
    if (failure->error != 0) child_->sendSignal(SIGKILL);
    ++fallbacks_;
    return process::launchChild(options);
  }
  ++forks_;
  return result;
}

std::function<process::LaunchResult(const process::LaunchOptions&)> ZygoteHost::launcher() {
  return [host = QPointer<ZygoteHost>(this)](const process::LaunchOptions& options) {
    return host ? host->launch(options) : process::launchChild(options);
  };
}

}  // namespace sb::browser
