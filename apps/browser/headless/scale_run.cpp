#include "apps/browser/headless/scale_run.h"

#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "apps/browser/core/browser.h"
#include "apps/browser/headless/process_tree.h"
#include "apps/browser/headless/scale_invariants.h"
#include "apps/browser/headless/scale_lag_probe.h"
#include "apps/browser/headless/scale_memory.h"
#include "apps/browser/headless/scale_process_facts.h"
#include "apps/browser/headless/scale_report.h"
#include "common/base/seeded_random.h"

namespace sb::browser {
namespace {

constexpr std::chrono::seconds kAnimateFor{10};
// Generous: on 2 cores, 500 renderers take far longer to start than 100.
constexpr std::chrono::seconds kOpenTimeout{120};
constexpr std::chrono::seconds kCrashTimeout{10};
constexpr std::chrono::seconds kReloadTimeout{60};
// After the reloads, pidfds, sockets and surfaces of the dead renderers go as their deaths are
// handled; give that a few event-loop turns before calling what is left a leak or a zombie.
constexpr std::chrono::seconds kSettleFor{5};
constexpr std::chrono::milliseconds kSettlePoll{100};

const QString kUrl = QStringLiteral("demo://clock");

uint64_t frameNumber(const Tab* tab) {
  return tab && tab->display_list ? tab->display_list->frame_number() : 0;
}

// `count` distinct tabs, chosen by a partial Fisher-Yates shuffle so a seed always picks the same.
std::vector<int> pickVictims(std::vector<int> tabs, int count, uint64_t seed) {
  SeededRandom random(seed);
  for (int i = 0; i < count; ++i) {
    std::swap(tabs[i], tabs[random.between(i, static_cast<int>(tabs.size()) - 1)]);
  }
  tabs.resize(count);
  std::sort(tabs.begin(), tabs.end());
  return tabs;
}

}  // namespace

class ScaleRun::Impl {
  Q_DECLARE_TR_FUNCTIONS(ScaleRun)

 public:
  Impl(ScaleRun& owner, Browser& browser, ScaleOptions options, QTextStream& out,
       QTextStream& progress);
  void start();

 private:
  enum class Phase { kOpening, kAnimating, kKilling, kReloading, kSettling, kDone };

  void onTabChanged(int tab_id);
  void noteUnexpected(int tab_id);
  bool allLoaded() const;
  QString stalled() const;  // what the phase still waits for, when its time is up
  void onAllOpen();
  void measureAndKill();
  void reloadVictims();
  bool victimsReloaded() const;
  void settle();
  void finish(const QString& failure = {});
  void say(const QString& line);

  ScaleRun& owner_;
  Browser& browser_;
  ScaleOptions options_;
  QTextStream& out_;
  QTextStream& progress_;
  LagProbe lag_;
  QTimer watchdog_;
  QTimer settle_poll_;
  Phase phase_ = Phase::kOpening;
  ScaleResult result_;

  QElapsedTimer run_clock_;
  QElapsedTimer phase_clock_;
  uint64_t cpu_start_ns_ = 0;
  uint64_t cpu_phase_ns_ = 0;
  uint64_t ipc_index_ = 0;
  std::vector<int> tabs_;
  std::map<int, qint64> baseline_pid_;  // every tab's renderer once all are loaded
  std::map<int, uint64_t> baseline_frame_;
  std::set<int> victims_;
  std::map<int, QString> unexpected_;  // tab -> what happened to it
  std::vector<pid_t> last_zombies_;
};

ScaleRun::Impl::Impl(ScaleRun& owner, Browser& browser, ScaleOptions options, QTextStream& out,
                     QTextStream& progress)
    : owner_(owner), browser_(browser), options_(options), out_(out), progress_(progress) {
  result_.tabs = options_.tabs;
  result_.seed = options_.seed;
  result_.killed = std::max(1, options_.tabs / 10);
  watchdog_.setSingleShot(true);
  settle_poll_.setInterval(kSettlePoll);
  QObject::connect(&browser_, &Browser::tabChanged, &owner_, [this](int id) { onTabChanged(id); });
  QObject::connect(&browser_, &Browser::tabCrashed, &owner_, [this](int id) { onTabChanged(id); });
  QObject::connect(&settle_poll_, &QTimer::timeout, &owner_, [this] { settle(); });
}

void ScaleRun::Impl::say(const QString& line) {
  progress_ << QStringLiteral("[scale %1 s] ").arg(run_clock_.elapsed() / 1000.0, 5, 'f', 2) << line
            << '\n';
  progress_.flush();
}

void ScaleRun::Impl::start() {
  run_clock_.start();
  cpu_start_ns_ = selfCpuNs();
  result_.fds_start = openFdCount();
  lag_.start();  // for the whole run: opening and reloading are when the event loop is busiest
  say(tr("browser pid %1: opening %2 tabs of %3 at once (seed %4)")
          .arg(::getpid())
          .arg(options_.tabs)
          .arg(kUrl)
          .arg(options_.seed));
  phase_clock_.start();
  for (int i = 0; i < options_.tabs; ++i) {
    auto opened = browser_.openTab(kUrl);
    if (const auto* error = std::get_if<QString>(&opened)) {
      finish(tr("could not open tab %1: %2").arg(i + 1).arg(*error));
      return;
    }
    tabs_.push_back(std::get<int>(opened));
  }
  QObject::connect(&watchdog_, &QTimer::timeout, &owner_, [this] { finish(stalled()); });
  watchdog_.start(kOpenTimeout);
}

void ScaleRun::Impl::onTabChanged(int tab_id) {
  switch (phase_) {
    case Phase::kOpening:
      if (allLoaded()) onAllOpen();
      return;
    case Phase::kDone:
      return;
    default:
      break;
  }
  if (!victims_.contains(tab_id)) noteUnexpected(tab_id);
  if (phase_ == Phase::kKilling) {
    const bool all_crashed = std::all_of(victims_.begin(), victims_.end(), [this](int id) {
      const Tab* tab = browser_.tab(id);
      return tab && tab->state == TabState::kCrashed;
    });
    if (all_crashed) QTimer::singleShot(0, &owner_, [this] { reloadVictims(); });
  } else if (phase_ == Phase::kReloading && victimsReloaded()) {
    phase_ = Phase::kSettling;
    watchdog_.stop();
    result_.reload_s = phase_clock_.nsecsElapsed() / 1e9;
    say(tr("all %1 reloaded in %2 s; letting the browser settle")
            .arg(victims_.size())
            .arg(result_.reload_s, 0, 'f', 2));
    phase_clock_.restart();
    settle_poll_.start();
  }
}

// A tab nobody touched must stay loaded in the renderer it had.
void ScaleRun::Impl::noteUnexpected(int tab_id) {
  const Tab* tab = browser_.tab(tab_id);
  if (unexpected_.contains(tab_id)) return;
  if (!tab) {
    unexpected_[tab_id] = tr("tab %1 closed").arg(tab_id);
  } else if (tab->state != TabState::kLoaded) {
    unexpected_[tab_id] =
        tr("tab %1 turned %2%3")
            .arg(tab_id)
            .arg(QLatin1String(tabStateName(tab->state)))
            .arg(tab->crash_reason.isEmpty()
                     ? QString()
                     : QStringLiteral(" (") + tab->crash_reason + QLatin1Char(')'));
  } else if (tab->renderer_pid != baseline_pid_[tab_id]) {
    unexpected_[tab_id] = tr("tab %1 moved from renderer pid %2 to %3")
                              .arg(tab_id)
                              .arg(baseline_pid_[tab_id])
                              .arg(tab->renderer_pid);
  } else {
    return;
  }
  say(tr("UNEXPECTED: %1").arg(unexpected_[tab_id]));
}

bool ScaleRun::Impl::allLoaded() const {
  // openTab() itself signals, before the later tabs exist.
  if (static_cast<int>(tabs_.size()) < options_.tabs) return false;
  return std::all_of(tabs_.begin(), tabs_.end(), [this](int id) {
    const Tab* tab = browser_.tab(id);
    return tab && tab->state == TabState::kLoaded;
  });
}

QString ScaleRun::Impl::stalled() const {
  if (phase_ == Phase::kOpening) {
    const auto loaded = std::count_if(tabs_.begin(), tabs_.end(), [this](int id) {
      return browser_.tab(id) && browser_.tab(id)->state == TabState::kLoaded;
    });
    return tr("only %1 of %2 tabs loaded within %3 s")
        .arg(loaded)
        .arg(tabs_.size())
        .arg(kOpenTimeout.count());
  }
  if (phase_ == Phase::kKilling) {
    return tr("not every killed tab turned crashed within %1 s").arg(kCrashTimeout.count());
  }
  return tr("not every killed tab loaded again within %1 s").arg(kReloadTimeout.count());
}

void ScaleRun::Impl::onAllOpen() {
  watchdog_.stop();
  result_.open_all_s = phase_clock_.nsecsElapsed() / 1e9;
  for (int id : tabs_) {
    baseline_pid_[id] = browser_.tab(id)->renderer_pid;
    baseline_frame_[id] = frameNumber(browser_.tab(id));
  }
  phase_ = Phase::kAnimating;
  say(tr("all %1 tabs loaded in %2 s; letting them animate for %3 s")
          .arg(tabs_.size())
          .arg(result_.open_all_s, 0, 'f', 2)
          .arg(kAnimateFor.count()));
  phase_clock_.restart();
  cpu_phase_ns_ = selfCpuNs();
  ipc_index_ = browser_.ipcLog().lastIndex();
  QTimer::singleShot(kAnimateFor, &owner_, [this] { measureAndKill(); });
}

void ScaleRun::Impl::measureAndKill() {
  if (phase_ != Phase::kAnimating) return;
  const double seconds = phase_clock_.nsecsElapsed() / 1e9;
  result_.animate_s = seconds;
  result_.cpu_percent = 100.0 * static_cast<double>(selfCpuNs() - cpu_phase_ns_) / 1e9 / seconds;
  result_.messages_per_s =
      static_cast<double>(browser_.ipcLog().lastIndex() - ipc_index_) / seconds;
  for (int id : tabs_) result_.tabs_animated += frameNumber(browser_.tab(id)) > baseline_frame_[id];
  const ProcessHost* gpu = browser_.gpu().process();
  result_.memory = measureTreeMemory(::getpid(), gpu ? gpu->pid() : -1);
  result_.fds_before_kill = openFdCount();
  say(tr("animated %1 s: %2 of %3 tabs moved on, %4 messages/s, browser CPU %5 % of a core")
          .arg(seconds, 0, 'f', 1)
          .arg(result_.tabs_animated)
          .arg(tabs_.size())
          .arg(result_.messages_per_s, 0, 'f', 0)
          .arg(result_.cpu_percent, 0, 'f', 1));

  const std::vector<int> victims = pickVictims(tabs_, result_.killed, options_.seed);
  victims_.insert(victims.begin(), victims.end());
  phase_ = Phase::kKilling;
  say(tr("killing the renderers of %1 tabs with SIGKILL: tabs %2")
          .arg(victims.size())
          .arg(tabList(victims)));
  watchdog_.start(kCrashTimeout);
  for (int id : victims) {
    const auto killed = browser_.killRenderer(id, SIGKILL);
    if (!killed.ok) {
      finish(tr("could not kill the renderer of tab %1: %2").arg(id).arg(killed.error));
      return;
    }
  }
}

void ScaleRun::Impl::reloadVictims() {
  if (phase_ != Phase::kKilling) return;
  phase_ = Phase::kReloading;
  watchdog_.start(kReloadTimeout);
  say(tr("all %1 killed tabs show the sad tab; reloading them").arg(victims_.size()));
  phase_clock_.restart();
  for (int id : victims_) {
    const auto reloaded = browser_.reload(id);
    if (!reloaded.ok) {
      finish(tr("could not reload tab %1: %2").arg(id).arg(reloaded.error));
      return;
    }
  }
}

bool ScaleRun::Impl::victimsReloaded() const {
  return std::all_of(victims_.begin(), victims_.end(), [this](int id) {
    const Tab* tab = browser_.tab(id);
    return tab && tab->state == TabState::kLoaded && tab->renderer_pid > 0 &&
           tab->renderer_pid != baseline_pid_.at(id);
  });
}

// Polled: done as soon as no descriptor is held beyond the all-live count and no process below
// the browser is a zombie, or when kSettleFor is over and whatever is left is reported.
void ScaleRun::Impl::settle() {
  result_.fds_after = openFdCount();
  last_zombies_ = zombiesAmong(processTree(::getpid()));
  const bool clean = result_.fds_after <= result_.fds_before_kill && last_zombies_.empty();
  if (clean || phase_clock_.elapsed() >= std::chrono::milliseconds(kSettleFor).count()) finish();
}

void ScaleRun::Impl::finish(const QString& failure) {
  if (phase_ == Phase::kDone) return;
  const bool reached_the_end = phase_ == Phase::kSettling;
  phase_ = Phase::kDone;
  watchdog_.stop();
  settle_poll_.stop();
  lag_.stop();
  QObject::disconnect(&browser_, nullptr, &owner_, nullptr);
  result_.cpu_run_percent = 100.0 * static_cast<double>(selfCpuNs() - cpu_start_ns_) / 1e9 /
                            (run_clock_.nsecsElapsed() / 1e9);
  result_.lag_p50_ms = lag_.percentileMs(0.50);
  result_.lag_p99_ms = lag_.percentileMs(0.99);
  result_.lag_max_ms = lag_.percentileMs(1.0);
  result_.lag_samples = lag_.samples();
  result_.gpu_crashes = browser_.gpu().totalCrashes();
  result_.gpu_software = browser_.gpu().softwareFallback();

  // One last look at every tab nobody killed: a change that emitted nothing still counts.
  for (int id : tabs_) {
    if (!victims_.contains(id) && baseline_pid_.contains(id)) noteUnexpected(id);
  }
  if (!failure.isEmpty()) say(tr("FAILED: %1").arg(failure));
  ScaleFindings findings;
  findings.failure = failure;
  for (const auto& [id, what] : unexpected_) findings.unexpected_changes << what;
  findings.reloads_done = reached_the_end;
  findings.killed = result_.killed;
  findings.reopened.assign(victims_.begin(), victims_.end());
  findings.zombies = last_zombies_;
  findings.fds_before_kill = result_.fds_before_kill;
  findings.fds_after = result_.fds_after;
  result_.invariants = scaleInvariants(findings);
  out_ << scaleReport(result_);
  out_.flush();
  const int code = result_.invariantsHold() ? 0 : 1;
  say(code == 0 ? tr("every invariant held")
                : tr("an invariant failed (see the FAILED lines of the report)"));
  QTimer::singleShot(0, &owner_, [this, code] { emit owner_.finished(code); });
}

ScaleRun::ScaleRun(Browser& browser, ScaleOptions options, QTextStream& out, QTextStream& progress,
                   QObject* parent)
    : QObject(parent), impl_(std::make_unique<Impl>(*this, browser, options, out, progress)) {}

ScaleRun::~ScaleRun() = default;

void ScaleRun::start() { impl_->start(); }

}  // namespace sb::browser
