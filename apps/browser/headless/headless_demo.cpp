#include "apps/browser/headless/headless_demo.h"

#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <functional>
#include <set>
#include <vector>

#include "apps/browser/core/browser.h"
#include "apps/browser/headless/demo_printer.h"

namespace sb::browser {
namespace {

constexpr std::chrono::seconds kStepTimeout{10};
constexpr qint64 kAnimationWindowMs = 500;
constexpr size_t kKillStep = 1;  // index in steps_: the one step in which a crash is expected

double ms(uint64_t ns) { return ns / 1e6; }

uint64_t frameNumber(const Tab* tab) {
  return tab && tab->display_list ? tab->display_list->frame_number() : 0;
}

}  // namespace

// The demo is a list of steps. Each acts once (enter) and is then re-checked after every change the
// Browser reports (reached); nothing blocks, so the renderers' messages keep flowing meanwhile. A
// step that is not reached within kStepTimeout fails the demo with what was still missing.
class HeadlessDemo::Impl {
  Q_DECLARE_TR_FUNCTIONS(HeadlessDemo)

 public:
  Impl(HeadlessDemo& owner, Browser& browser, QTextStream& out);
  void start();

 private:
  struct Step {
    std::function<bool()> enter;  // false when the action itself failed (it said why)
    std::function<bool()> reached;
    std::function<QString()> missing;  // what has not happened yet, for the failure message
  };

  void runStep(size_t index);
  void check();
  void onTabCrashed(int tab_id);
  void fail(const QString& why);
  void finish(int code);

  bool openTabs();
  bool allLoaded();
  bool killNews();
  bool newsCrashed();
  bool startSurvivorChecks();
  bool survivorsAnswered();
  bool reloadNews();
  bool newsReloaded();
  void printSummary();

  QString name(int tab_id) const;  // "tab 2, demo://news"
  QString stillMissing(const std::vector<int>& tabs, TabState wanted) const;

  HeadlessDemo& owner_;
  Browser& browser_;
  DemoPrinter printer_;
  QTimer watchdog_;
  std::vector<Step> steps_;
  size_t current_ = 0;
  bool entering_ = false;   // the step's own action makes the Browser signal; check afterwards
  bool advancing_ = false;  // the next step is queued
  bool finished_ = false;

  int clock_ = 0;
  int news_ = 0;
  int form_ = 0;
  std::set<int> reported_loaded_;
  qint64 killed_pid_ = 0;
  QString crash_reason_;
  uint64_t detect_latency_ns_ = 0;
  qint64 clock_pid_ = 0;
  qint64 form_pid_ = 0;
  uint64_t clock_first_frame_ = 0;
  uint64_t clock_last_frame_ = 0;
  QElapsedTimer animation_window_;
  bool clock_animating_ = false;
  bool form_answered_ = false;
  qint64 reloaded_pid_ = 0;
};

HeadlessDemo::Impl::Impl(HeadlessDemo& owner, Browser& browser, QTextStream& out)
    : owner_(owner), browser_(browser), printer_(out) {
  watchdog_.setSingleShot(true);
  watchdog_.setTimerType(Qt::PreciseTimer);  // a coarse timer may fire 5 % early
  QObject::connect(&watchdog_, &QTimer::timeout, &owner_, [this] {
    fail(tr("%1 (gave up after %2 s)").arg(steps_[current_].missing()).arg(kStepTimeout.count()));
  });
  QObject::connect(&browser_, &Browser::tabChanged, &owner_, [this] { check(); });
  QObject::connect(&browser_, &Browser::tabContentChanged, &owner_, [this] { check(); });
  QObject::connect(&browser_, &Browser::tabCrashed, &owner_, [this](int id) { onTabCrashed(id); });

  steps_ = {
      {[this] { return openTabs(); }, [this] { return allLoaded(); },
       [this] {
         return tr("not every tab loaded: %1")
             .arg(stillMissing({clock_, news_, form_}, TabState::kLoaded));
       }},
      {[this] { return killNews(); }, [this] { return newsCrashed(); },
       [this] {
         return tr("the browser did not notice that renderer pid %1 died").arg(killed_pid_);
       }},
      {[this] { return startSurvivorChecks(); }, [this] { return survivorsAnswered(); },
       [this] {
         return !clock_animating_ ? tr("%1 stopped animating (still at frame %2)")
                                        .arg(name(clock_))
                                        .arg(clock_last_frame_)
                                  : tr("%1 did not load demo://form again").arg(name(form_));
       }},
      {[this] { return reloadNews(); }, [this] { return newsReloaded(); },
       [this] { return tr("%1 did not load again in a new renderer").arg(name(news_)); }},
  };
}

void HeadlessDemo::Impl::start() {
  printer_.start();
  printer_.step(
      tr("browser pid %1: one renderer process per tab, watched through pidfds").arg(::getpid()));
  runStep(0);
}

void HeadlessDemo::Impl::runStep(size_t index) {
  advancing_ = false;
  if (finished_) return;
  if (index == steps_.size()) {
    printSummary();
    finish(0);
    return;
  }
  current_ = index;
  watchdog_.start(kStepTimeout);
  entering_ = true;
  const bool acted = steps_[index].enter();
  entering_ = false;
  if (!acted) return;  // enter() has failed the demo
  check();
}

void HeadlessDemo::Impl::check() {
  if (finished_ || entering_ || advancing_) return;
  if (!steps_[current_].reached()) return;
  // Queued: the Browser may be in the middle of emitting; the next step acts on a clean stack.
  advancing_ = true;
  QTimer::singleShot(0, &owner_, [this, next = current_ + 1] { runStep(next); });
}

void HeadlessDemo::Impl::onTabCrashed(int tab_id) {
  if (finished_ || (tab_id == news_ && current_ == kKillStep)) return;
  const Tab* tab = browser_.tab(tab_id);
  fail(tr("%1 crashed, which the demo did not ask for: %2")
           .arg(name(tab_id), tab ? tab->crash_reason : QString()));
}

void HeadlessDemo::Impl::fail(const QString& why) {
  if (finished_) return;
  printer_.step(tr("FAILED: %1").arg(why));
  finish(1);
}

void HeadlessDemo::Impl::finish(int code) {
  finished_ = true;
  watchdog_.stop();
  QObject::disconnect(&browser_, nullptr, &owner_, nullptr);
  QTimer::singleShot(0, &owner_, [this, code] { emit owner_.finished(code); });
}

bool HeadlessDemo::Impl::openTabs() {
  for (int* id : {&clock_, &news_, &form_}) {
    const QString url = id == &clock_  ? QStringLiteral("demo://clock")
                        : id == &news_ ? QStringLiteral("demo://news")
                                       : QStringLiteral("demo://form");
    auto opened = browser_.openTab(url);
    if (const auto* error = std::get_if<QString>(&opened)) {
      fail(tr("could not open %1: %2").arg(url, *error));
      return false;
    }
    *id = std::get<int>(opened);
    printer_.step(tr("opened %1; its renderer is starting").arg(name(*id)));
  }
  return true;
}

bool HeadlessDemo::Impl::allLoaded() {
  for (int id : {clock_, news_, form_}) {
    const Tab* tab = browser_.tab(id);
    if (!tab || tab->state != TabState::kLoaded || reported_loaded_.contains(id)) continue;
    reported_loaded_.insert(id);
    printer_.step(
        tr("%1 loaded: renderer pid %2 sent its first display list %3 ms after it was started")
            .arg(name(id))
            .arg(tab->renderer_pid)
            .arg(ms(tab->first_paint_ns - tab->renderer_launch_ns), 0, 'f', 1));
  }
  return reported_loaded_.size() == 3;
}

bool HeadlessDemo::Impl::killNews() {
  const Tab* news = browser_.tab(news_);
  killed_pid_ = news->renderer_pid;
  const auto result = browser_.killRenderer(news_, SIGKILL);
  if (!result.ok) {
    fail(tr("could not kill the renderer of %1: %2").arg(name(news_), result.error));
    return false;
  }
  printer_.step(tr("killed renderer pid %1 (%2) with SIGKILL").arg(killed_pid_).arg(name(news_)));
  return true;
}

bool HeadlessDemo::Impl::newsCrashed() {
  const Tab* news = browser_.tab(news_);
  if (!news || news->state != TabState::kCrashed) return false;
  crash_reason_ = news->crash_reason;
  detect_latency_ns_ = news->crash_detect_latency_ns;
  printer_.step(tr("%1 is now a sad tab: \"%2\"").arg(name(news_), crash_reason_));
  printer_.detail(tr("the browser noticed %1 ms after the kill (pidfd readable -> waitid -> tab "
                     "marked crashed)")
                      .arg(ms(detect_latency_ns_), 0, 'f', 3));
  return true;
}

bool HeadlessDemo::Impl::startSurvivorChecks() {
  const Tab* clock = browser_.tab(clock_);
  const Tab* form = browser_.tab(form_);
  if (!clock || clock->state != TabState::kLoaded || !form || form->state != TabState::kLoaded) {
    fail(tr("the other tabs did not survive: %1")
             .arg(stillMissing({clock_, form_}, TabState::kLoaded)));
    return false;
  }
  clock_pid_ = clock->renderer_pid;
  form_pid_ = form->renderer_pid;
  clock_first_frame_ = clock_last_frame_ = frameNumber(clock);
  animation_window_.start();
  printer_.step(tr("%1 and %2 are still loaded; watching the clock animate for %3 ms")
                    .arg(name(clock_), name(form_))
                    .arg(kAnimationWindowMs));
  const auto result = browser_.navigate(form_, QStringLiteral("demo://form"));
  if (!result.ok) {
    fail(tr("%1 refused a navigate: %2").arg(name(form_), result.error));
    return false;
  }
  printer_.step(tr("asked %1 to navigate to demo://form again").arg(name(form_)));
  return true;
}

bool HeadlessDemo::Impl::survivorsAnswered() {
  const Tab* clock = browser_.tab(clock_);
  const Tab* form = browser_.tab(form_);
  if (!clock || !form) return false;
  clock_last_frame_ = frameNumber(clock);
  if (!clock_animating_ && clock_last_frame_ > clock_first_frame_ &&
      animation_window_.elapsed() >= kAnimationWindowMs && clock->state == TabState::kLoaded &&
      clock->renderer_pid == clock_pid_) {
    clock_animating_ = true;
    printer_.step(tr("%1 is still animating: frame %2 -> %3 in %4 s, same renderer pid %5")
                      .arg(name(clock_))
                      .arg(clock_first_frame_)
                      .arg(clock_last_frame_)
                      .arg(animation_window_.elapsed() / 1000.0, 0, 'f', 2)
                      .arg(clock_pid_));
  }
  if (!form_answered_ && form->state == TabState::kLoaded) {
    form_answered_ = true;
    printer_.step(tr("%1 answered the navigate and loaded again, same renderer pid %2")
                      .arg(name(form_))
                      .arg(form->renderer_pid));
  }
  return clock_animating_ && form_answered_;
}

bool HeadlessDemo::Impl::reloadNews() {
  const auto result = browser_.reload(news_);
  if (!result.ok) {
    fail(tr("could not reload %1: %2").arg(name(news_), result.error));
    return false;
  }
  printer_.step(tr("reloading %1 in a fresh renderer").arg(name(news_)));
  return true;
}

bool HeadlessDemo::Impl::newsReloaded() {
  const Tab* news = browser_.tab(news_);
  if (!news || news->state != TabState::kLoaded || news->renderer_pid <= 0 ||
      news->renderer_pid == killed_pid_) {
    return false;
  }
  reloaded_pid_ = news->renderer_pid;
  printer_.step(tr("%1 loaded again: new renderer pid %2 (the dead one was %3), first display list "
                   "after %4 ms")
                    .arg(name(news_))
                    .arg(reloaded_pid_)
                    .arg(killed_pid_)
                    .arg(ms(news->first_paint_ns - news->renderer_launch_ns), 0, 'f', 1));
  return true;
}

void HeadlessDemo::Impl::printSummary() {
  printer_.step(tr("summary"));
  printer_.detail(tr("killed:    renderer pid %1 (%2): \"%3\"")
                      .arg(killed_pid_)
                      .arg(name(news_), crash_reason_));
  printer_.detail(tr("detected:  %1 ms after the kill").arg(ms(detect_latency_ns_), 0, 'f', 3));
  printer_.detail(tr("survived:  %1 kept animating (frame %2 -> %3); %4 answered a navigate")
                      .arg(name(clock_))
                      .arg(clock_first_frame_)
                      .arg(clock_last_frame_)
                      .arg(name(form_)));
  printer_.detail(
      tr("recovered: %1 reloaded in new renderer pid %2").arg(name(news_)).arg(reloaded_pid_));
  printer_.detail(
      tr("the browser (pid %1) never stopped: a renderer's death costs its tab, not the browser")
          .arg(::getpid()));
}

QString HeadlessDemo::Impl::name(int tab_id) const {
  const Tab* tab = browser_.tab(tab_id);
  return tr("tab %1, %2").arg(tab_id).arg(tab ? tab->url.toString() : tr("closed"));
}

QString HeadlessDemo::Impl::stillMissing(const std::vector<int>& tabs, TabState wanted) const {
  QStringList parts;
  for (int id : tabs) {
    const Tab* tab = browser_.tab(id);
    if (!tab) {
      parts << tr("%1 is gone").arg(name(id));
    } else if (tab->state != wanted) {
      parts << tr("%1 is %2").arg(name(id), QLatin1String(tabStateName(tab->state)));
    }
  }
  return parts.join(QStringLiteral("; "));
}

HeadlessDemo::HeadlessDemo(Browser& browser, QTextStream& out, QObject* parent)
    : QObject(parent), impl_(std::make_unique<Impl>(*this, browser, out)) {}

HeadlessDemo::~HeadlessDemo() = default;

void HeadlessDemo::start() { impl_->start(); }

}  // namespace sb::browser
