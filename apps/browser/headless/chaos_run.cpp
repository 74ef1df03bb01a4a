#include "apps/browser/headless/chaos_run.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/process_info.h"
#include "apps/browser/headless/chaos_actions.h"
#include "apps/browser/headless/chaos_browser_view.h"
#include "apps/browser/headless/chaos_census.h"
#include "apps/browser/headless/chaos_invariants.h"
#include "apps/browser/headless/chaos_report.h"
#include "apps/browser/headless/scale_process_facts.h"
#include "common/base/clock.h"
#include "common/base/seeded_random.h"

namespace sb::browser {
namespace {

constexpr size_t kTabs = 10;
// Generous: on 2 cores ten sandboxed renderers, the GPU process and a plugin start in a few seconds.
constexpr std::chrono::seconds kOpenTimeout{60};
// After the first tabs load: the plugin process and the first frames are under way by then.
constexpr std::chrono::seconds kBaselineAfter{2};
constexpr int kMinStepMs = 100;
constexpr int kMaxStepMs = 300;
constexpr std::chrono::seconds kProgressEvery{10};
// At the end: closed renderers have their grace (2 s) to leave and be reaped; then what is left
// of them is a fault, with no grace.
constexpr std::chrono::seconds kSettleFor{15};
constexpr std::chrono::milliseconds kPoll{100};
constexpr size_t kRecentSteps = 15;

// The final check: every child exited by now is reaped, every process held by a host.
constexpr ChaosGraces kSettled{.unaccounted = std::chrono::milliseconds(0),
                               .zombie = std::chrono::milliseconds(0)};

}  // namespace

class ChaosRun::Impl {
  Q_DECLARE_TR_FUNCTIONS(ChaosRun)

 public:
  Impl(ChaosRun& owner, Browser& browser, ChaosOptions options, QTextStream& out, QTextStream& progress);
  void start();

 private:
  enum class Phase { kOpening, kBaseline, kChaos, kReopening, kSettling, kDone };

  void openFirstTabs();
  void onPoll();
  void beginChaos();
  void scheduleStep();
  void step();
  // The invariants on the browser as it is now; the IPC log read on from the last check.
  QStringList check(ChaosInvariants& invariants, std::chrono::milliseconds lag);
  void endChaos();
  void settle();
  void fail(const QString& at, const QStringList& violations);
  void finish();

  bool allLoaded() const;
  QString tabCounts() const;
  ChaosFootprint footprint() const;
  double seconds() const { return run_clock_.nsecsElapsed() / 1e9; }
  void say(const QString& line);

  ChaosRun& owner_;
  Browser& browser_;
  ChaosOptions options_;
  QTextStream& out_;
  QTextStream& progress_;
  SeededRandom random_;
  ChaosResult result_;
  ChaosInvariants invariants_;
  ChaosActions actions_;
  Phase phase_ = Phase::kOpening;

  QTimer poll_;
  QTimer step_timer_;
  QElapsedTimer run_clock_;
  QElapsedTimer phase_clock_;
  QElapsedTimer chaos_clock_;
  QElapsedTimer since_scheduled_;
  int step_interval_ms_ = 0;
  qint64 next_progress_ms_ = 0;
  QString last_step_;
  std::deque<QString> recent_steps_;
  std::set<int> unresponsive_now_;
};

ChaosRun::Impl::Impl(ChaosRun& owner, Browser& browser, ChaosOptions options, QTextStream& out,
                     QTextStream& progress)
    : owner_(owner),
      browser_(browser),
      options_(options),
      out_(out),
      progress_(progress),
      random_(options.seed),
      actions_(browser, random_, result_, invariants_) {
  result_.seconds = options_.seconds;
  result_.seed = options_.seed;
  poll_.setInterval(kPoll);
  step_timer_.setSingleShot(true);
  step_timer_.setTimerType(Qt::PreciseTimer);  // its lateness is the event loop's lag
  QObject::connect(&poll_, &QTimer::timeout, &owner_, [this] { onPoll(); });
  QObject::connect(&step_timer_, &QTimer::timeout, &owner_, [this] { step(); });
  QObject::connect(&browser_, &Browser::tabCrashed, &owner_, [this] { ++result_.tab_crashes; });
  QObject::connect(&browser_, &Browser::tabChanged, &owner_, [this](int id) {
    const Tab* tab = browser_.tab(id);
    if (tab && tab->state == TabState::kUnresponsive) {
      if (unresponsive_now_.insert(id).second) ++result_.unresponsive;
    } else {
      unresponsive_now_.erase(id);
    }
  });
  QObject::connect(&browser_, &Browser::crashReported, &owner_, [this] {
    const auto& reports = browser_.crashReports().reports();
    if (!reports.empty()) ++result_.deaths_reported[QLatin1String(processKindName(reports.back().kind))];
  });
}

void ChaosRun::Impl::say(const QString& line) {
  progress_ << QStringLiteral("[chaos %1 s] ").arg(seconds(), 6, 'f', 1) << line << '\n';
  progress_.flush();
}

void ChaosRun::Impl::start() {
  run_clock_.start();
  say(tr("browser pid %1: %2 s of chaos with seed %3; opening %4 tabs")
          .arg(::getpid())
          .arg(options_.seconds)
          .arg(options_.seed)
          .arg(kTabs));
  openFirstTabs();
}

void ChaosRun::Impl::openFirstTabs() {
  phase_clock_.start();
  for (const QString& url : ChaosActions::firstPages()) {
    auto opened = browser_.openTab(url);
    if (const auto* error = std::get_if<QString>(&opened)) {
      result_.failure = tr("could not open %1: %2").arg(url, *error);
      finish();
      return;
    }
  }
  poll_.start();
}

bool ChaosRun::Impl::allLoaded() const {
  const std::vector<int> ids = browser_.tabIds();
  return ids.size() == kTabs && std::all_of(ids.begin(), ids.end(), [this](int id) {
           return browser_.tab(id)->state == TabState::kLoaded;
         });
}

QString ChaosRun::Impl::tabCounts() const {
  std::map<TabState, int> counts;
  for (int id : browser_.tabIds()) ++counts[browser_.tab(id)->state];
  return tr("%1 tabs: %2 loaded, %3 loading, %4 crashed, %5 unresponsive")
      .arg(browser_.tabIds().size())
      .arg(counts[TabState::kLoaded])
      .arg(counts[TabState::kLoading])
      .arg(counts[TabState::kCrashed])
      .arg(counts[TabState::kUnresponsive]);
}

ChaosFootprint ChaosRun::Impl::footprint() const {
  ChaosFootprint figures;
  figures.fds = openFdCount();
  figures.rss_kb = residentSetKb(::getpid()).value_or(0);
  figures.ipc_records = browser_.ipcLog().size();
  figures.ipc_payload_bytes = browser_.ipcLog().payloadBytes();
  return figures;
}

void ChaosRun::Impl::onPoll() {
  switch (phase_) {
    case Phase::kOpening:
    case Phase::kReopening:
      if (phase_ == Phase::kReopening) {
        if (const QStringList violations = check(invariants_, {}); !violations.isEmpty()) {
          fail(tr("reopening the tabs at %1 s").arg(seconds(), 0, 'f', 1), violations);
          return;
        }
      }
      if (allLoaded()) {
        if (phase_ == Phase::kOpening) {
          phase_ = Phase::kBaseline;
          say(tr("all %1 tabs loaded in %2 s; the footprint is measured in %3 s")
                  .arg(kTabs)
                  .arg(phase_clock_.elapsed() / 1000.0, 0, 'f', 2)
                  .arg(kBaselineAfter.count()));
          phase_clock_.restart();
        } else {
          phase_ = Phase::kSettling;
          say(tr("all %1 tabs loaded again; letting the browser settle").arg(kTabs));
          phase_clock_.restart();
        }
      } else if (phase_clock_.elapsed() > std::chrono::milliseconds(kOpenTimeout).count()) {
        result_.failure = tr("only some tabs loaded within %1 s (%2)").arg(kOpenTimeout.count()).arg(tabCounts());
        finish();
      }
      return;
    case Phase::kBaseline:
      if (phase_clock_.elapsed() >= std::chrono::milliseconds(kBaselineAfter).count()) beginChaos();
      return;
    case Phase::kSettling:
      settle();
      return;
    case Phase::kChaos:
    case Phase::kDone:
      return;
  }
}

void ChaosRun::Impl::beginChaos() {
  poll_.stop();
  result_.start = footprint();
  const ProcessHost* gpu = browser_.gpu().process();
  say(tr("%1 fds, %2 MiB RSS; GPU process %3, %4 plugin process(es), zygote %5; the chaos begins")
          .arg(result_.start.fds)
          .arg(result_.start.rss_kb / 1024)
          .arg(gpu && browser_.gpu().live() ? tr("pid %1").arg(gpu->pid()) : tr("not running"))
          .arg(browser_.plugins().types().size())
          .arg(browser_.zygote() && browser_.zygote()->live() ? tr("pid %1").arg(browser_.zygote()->pid())
                                                             : tr("not running")));
  phase_ = Phase::kChaos;
  chaos_clock_.start();
  next_progress_ms_ = std::chrono::milliseconds(kProgressEvery).count();
  scheduleStep();
}

void ChaosRun::Impl::scheduleStep() {
  step_interval_ms_ = random_.between(kMinStepMs, kMaxStepMs);
  since_scheduled_.start();
  step_timer_.start(step_interval_ms_);
}

QStringList ChaosRun::Impl::check(ChaosInvariants& invariants, std::chrono::milliseconds lag) {
  ChaosSnapshot snapshot;
  snapshot.now_ns = monotonicNowNs();
  snapshot.tabs = tabViews(browser_);
  // The browser's beliefs before /proc's facts: a child it starts in between is then a stranger
  // for one check, within the grace, rather than missed.
  snapshot.known_pids = knownChildPids(browser_);
  snapshot.processes = censusBelow(::getpid());
  snapshot.loop_lag = lag;
  snapshot.oldest_call_ns = browser_.oldestPendingCallNs();
  QStringList violations = invariants.checkSnapshot(snapshot);

  const IpcLog& log = browser_.ipcLog();
  const std::vector<IpcRecord> records = log.since(invariants.ipcIndexChecked(), log.capacity());
  result_.ipc_records += records.size();
  violations << invariants.checkIpcRecords(records, log.lastIndex(), log.dropped());
  return violations;
}

void ChaosRun::Impl::step() {
  if (phase_ != Phase::kChaos) return;
  const auto lag = std::chrono::milliseconds(std::max<qint64>(0, since_scheduled_.elapsed() - step_interval_ms_));
  if (const QStringList violations = check(invariants_, lag); !violations.isEmpty()) {
    fail(last_step_.isEmpty() ? tr("the first check") : last_step_, violations);
    return;
  }
  if (chaos_clock_.elapsed() >= options_.seconds * 1000LL) {
    endChaos();
    return;
  }
  actions_.followUp(monotonicNowNs());
  const ChaosEvent event = pickChaosEvent(random_);
  const uint64_t step = ++result_.steps;
  QStringList violations;
  const QString what = actions_.perform(event, violations);
  last_step_ = tr("step %1 at %2 s (%3): %4").arg(step).arg(seconds(), 0, 'f', 2).arg(QLatin1String(chaosEventName(event)), what);
  recent_steps_.push_back(last_step_);
  if (recent_steps_.size() > kRecentSteps) recent_steps_.pop_front();
  if (!violations.isEmpty()) {
    fail(last_step_, violations);
    return;
  }
  if (chaos_clock_.elapsed() >= next_progress_ms_) {
    next_progress_ms_ += std::chrono::milliseconds(kProgressEvery).count();
    say(tr("step %1; %2; %3 children; %4 checks so far")
            .arg(step)
            .arg(tabCounts())
            .arg(censusBelow(::getpid()).size())
            .arg(invariants_.checks()));
  }
  scheduleStep();
}

// Back to where the chaos began: nothing stopped, the GPU process and plugins back, every tab
// closed and the first 10 opened again, so the footprint compares like with like.
void ChaosRun::Impl::endChaos() {
  result_.chaos_s = chaos_clock_.nsecsElapsed() / 1e9;
  say(tr("%1 steps in %2 s; %3. Closing every tab and opening %4 again")
          .arg(result_.steps)
          .arg(result_.chaos_s, 0, 'f', 1)
          .arg(tabCounts())
          .arg(kTabs));
  actions_.resumeAll();
  if (browser_.gpu().softwareFallback()) browser_.gpu().retry();
  for (const PluginHosts::TypeInfo& type : browser_.plugins().types()) {
    if (type.crashed) browser_.plugins().reload(type.type);
  }
  for (int id : browser_.tabIds()) {
    if (browser_.closeTab(id).ok) ++result_.tabs_closed;
  }
  for (const QString& url : ChaosActions::firstPages()) {
    if (std::holds_alternative<int>(browser_.openTab(url))) ++result_.tabs_opened;
  }
  phase_ = Phase::kReopening;
  phase_clock_.restart();
  poll_.start();
}

// Polled: done as soon as the strict check passes, or when kSettleFor is over and whatever is
// left is reported.
void ChaosRun::Impl::settle() {
  ChaosInvariants strict(kSettled);
  QStringList violations = check(strict, {});
  result_.end = footprint();
  violations << footprintViolations(result_.start, result_.end);
  if (!allLoaded()) violations << tr("not every tab stayed loaded while settling (%1)").arg(tabCounts());
  if (!violations.isEmpty() && phase_clock_.elapsed() < std::chrono::milliseconds(kSettleFor).count()) return;
  result_.invariant_checks += strict.checks();
  result_.footprint_measured = true;
  if (!violations.isEmpty()) {
    fail(tr("the end, after %1 s of settling").arg(phase_clock_.elapsed() / 1000.0, 0, 'f', 1), violations);
    return;
  }
  finish();
}

void ChaosRun::Impl::fail(const QString& at, const QStringList& violations) {
  result_.failed_step = at;
  result_.violations = violations;
  result_.recent_steps = QStringList(recent_steps_.begin(), recent_steps_.end());
  if (!result_.recent_steps.isEmpty() && result_.recent_steps.back() == at) result_.recent_steps.removeLast();
  for (const QString& violation : violations) say(tr("VIOLATION: %1").arg(violation));
  finish();
}

void ChaosRun::Impl::finish() {
  if (phase_ == Phase::kDone) return;
  if (phase_ == Phase::kChaos) result_.chaos_s = chaos_clock_.nsecsElapsed() / 1e9;
  phase_ = Phase::kDone;
  poll_.stop();
  step_timer_.stop();
  actions_.resumeAll();  // a failed run leaves nothing stopped for the shutdown to wait on
  QObject::disconnect(&browser_, nullptr, &owner_, nullptr);
  result_.run_s = seconds();
  result_.invariant_checks += invariants_.checks();
  result_.deadlocks_broken = browser_.deadlocks().size();
  out_ << chaosReport(result_);
  out_.flush();
  const int code = result_.sound() ? 0 : 1;
  say(code == 0 ? tr("no invariant failed") : tr("an invariant failed (see FAILED in the summary)"));
  QTimer::singleShot(0, &owner_, [this, code] { emit owner_.finished(code); });
}

ChaosRun::ChaosRun(Browser& browser, ChaosOptions options, QTextStream& out, QTextStream& progress,
                   QObject* parent)
    : QObject(parent), impl_(std::make_unique<Impl>(*this, browser, options, out, progress)) {}

ChaosRun::~ChaosRun() = default;

void ChaosRun::start() { impl_->start(); }

}  // namespace sb::browser
