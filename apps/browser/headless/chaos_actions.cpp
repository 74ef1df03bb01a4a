#include "apps/browser/headless/chaos_actions.h"

#include <signal.h>

#include <array>

#include "apps/browser/core/browser.h"
#include "apps/browser/headless/chaos_control.h"
#include "apps/browser/headless/chaos_invariants.h"
#include "common/base/clock.h"
#include "common/base/seeded_random.h"
#include "common/process/exit_status.h"

namespace sb::browser {
namespace {

constexpr size_t kMaxHangs = 2;
constexpr size_t kMaxLeaks = 2;
// A hung tab is reloaded once it has shown "unresponsive" a while: the state is valid, but a
// busy-looping renderer left for good would starve the rest of a 2-core machine.
constexpr uint64_t kHangReloadAfterNs = 15'000'000'000;
// Long enough, at the top, that the heartbeat (5 s) finds the child hung; short enough that the
// zombies and processes a stopped zygote holds up stay within the invariants' 10 s graces.
constexpr int kMinStopMs = 200;
constexpr int kMaxStopMs = 6'000;

const QStringList kOrdinaryPages = {
    QStringLiteral("demo://home"),
    QStringLiteral("demo://news"),
    QStringLiteral("demo://clock"),
    QStringLiteral("demo://form"),
    QStringLiteral("demo://plugin"),
    QStringLiteral("https://example.com/"),
    QStringLiteral("https://news.example.org/today"),
    QStringLiteral("https://shop.example.net/cart"),
    QStringLiteral("demo://deadlock"),  // its keys make blocking calls the browser must untangle
};

const QStringList kBadIpcKinds = {
    QStringLiteral("wrong-tab"),
    QStringLiteral("future-navigation"),
    QStringLiteral("huge-image"),
    QStringLiteral("bad-image-data"),
    QStringLiteral("too-many-items"),
    QStringLiteral("bad-pixel-size"),
    QStringLiteral("browser-only"),
    QStringLiteral("second-hello"),
    QStringLiteral("unknown-kind"),
    QStringLiteral("oversize-frame"),
    QStringLiteral("garbage"),
    QStringLiteral("flood"),
    QStringLiteral("ipc-lab-elsewhere"),
    QStringLiteral("call-elsewhere"),
    QStringLiteral("unasked-call-reply"),
};

// Fatal signals, SIGKILL and SIGSEGV most often, as a kill -9 and a crash are the common deaths.
constexpr std::array kSignals = {SIGKILL, SIGKILL, SIGKILL, SIGSEGV, SIGSEGV, SIGTERM, SIGTERM,
                                 SIGABRT, SIGBUS,  SIGHUP,  SIGINT,  SIGILL};

QString signalName(int signal) { return QString::fromStdString(process::signalName(signal)); }

uint64_t msToNs(int ms) { return static_cast<uint64_t>(ms) * 1'000'000; }

QString resultText(const Browser::Result& result) {
  return result.ok ? QString() : QStringLiteral(" (refused: %1)").arg(result.error);
}

}  // namespace

ChaosActions::ChaosActions(Browser& browser, SeededRandom& random, ChaosResult& result,
                           ChaosInvariants& invariants)
    : browser_(browser), random_(random), result_(result), invariants_(invariants), control_(browser) {}

const QStringList& ChaosActions::firstPages() {
  // Every kind of page, two of them with the plugin, so each kind of child is in use.
  static const QStringList kPages = {
      QStringLiteral("demo://clock"),  QStringLiteral("demo://news"),
      QStringLiteral("demo://plugin"), QStringLiteral("demo://form"),
      QStringLiteral("https://example.com/"), QStringLiteral("demo://clock"),
      QStringLiteral("demo://plugin"), QStringLiteral("https://news.example.org/today"),
      QStringLiteral("demo://home"),   QStringLiteral("demo://news"),
  };
  return kPages;
}

QString ChaosActions::perform(ChaosEvent event, QStringList& violations) {
  ++result_.events[event];
  switch (event) {
    case ChaosEvent::kSignal: return signalChild();
    case ChaosEvent::kStop: return stopChild();
    case ChaosEvent::kDebugFault: return debugFault();
    case ChaosEvent::kFaultPage: return faultPage();
    case ChaosEvent::kBadIpcPage: return badIpcPage();
    case ChaosEvent::kLeakPage: return leakPage();
    case ChaosEvent::kNavigate: return navigate();
    case ChaosEvent::kHistory: return history();
    case ChaosEvent::kReload: return reload();
    case ChaosEvent::kOpenClose: return openOrClose();
    case ChaosEvent::kNavigationFlood: return navigationFlood();
    case ChaosEvent::kInputFlood: return inputFlood();
    case ChaosEvent::kResize: return resize();
    case ChaosEvent::kControl: return control(violations);
    case ChaosEvent::kRecover: return recover();
    case ChaosEvent::kCalls: return deadlockCalls();
  }
  return tr("nothing");
}

int ChaosActions::anyTab() {
  const std::vector<int> tabs = browser_.tabIds();
  if (tabs.empty()) return 0;
  return tabs[static_cast<size_t>(random_.between(0, static_cast<int>(tabs.size()) - 1))];
}

int ChaosActions::tabWithLiveRenderer() {
  std::vector<int> live;
  for (int id : browser_.tabIds()) {
    const Tab* tab = browser_.tab(id);
    if (tab->renderer && tab->renderer->state() == ProcessHost::State::kRunning) live.push_back(id);
  }
  if (live.empty()) return 0;
  return live[static_cast<size_t>(random_.between(0, static_cast<int>(live.size()) - 1))];
}

QString ChaosActions::anyPage() { return kOrdinaryPages[random_.between(0, static_cast<int>(kOrdinaryPages.size()) - 1)]; }

// Renderers most often, as there are most of them; the zygote least, as each of its deaths within
// a minute brings it closer to being given up on.
const ChaosChild* ChaosActions::pickChild(const std::vector<ChaosChild>& children) {
  if (children.empty()) return nullptr;
  const auto weight = [](const ChaosChild& child) {
    if (child.kind == QLatin1String("renderer")) return 2;
    if (child.kind == QLatin1String("zygote")) return 1;
    return 4;  // the GPU process and a plugin: one each, among ten renderers
  };
  int total = 0;
  for (const ChaosChild& child : children) total += weight(child);
  int pick = random_.between(0, total - 1);
  for (const ChaosChild& child : children) {
    if (pick < weight(child)) return &child;
    pick -= weight(child);
  }
  return &children.back();
}

void ChaosActions::countSignal(const ChaosChild& child, int signal, bool delivered) {
  if (delivered) {
    ++result_.signals_sent[child.kind][signalName(signal)];
  } else {
    ++result_.signals_missed;
  }
}

QString ChaosActions::signalChild() {
  const std::vector<ChaosChild> children = liveChildren(browser_);
  const ChaosChild* child = pickChild(children);
  if (!child) return tr("no child to signal");
  const int signal = kSignals[static_cast<size_t>(random_.between(0, static_cast<int>(kSignals.size()) - 1))];
  // A renderer through its tab (the kill menu) or its pid (the task manager): two paths in.
  const bool by_tab = child->tab && random_.between(0, 1);
  const Browser::Result sent =
      by_tab ? browser_.killRenderer(child->tab, signal) : browser_.killPid(child->pid, signal);
  countSignal(*child, signal, sent.ok);
  return tr("%1 to the %2 pid %3%4%5")
      .arg(signalName(signal), child->kind)
      .arg(child->pid)
      .arg(by_tab ? tr(" through tab %1").arg(child->tab) : QString())
      .arg(resultText(sent));
}

QString ChaosActions::stopChild() {
  const std::vector<ChaosChild> children = liveChildren(browser_);
  const ChaosChild* child = pickChild(children);
  if (!child) return tr("no child to stop");
  const Browser::Result sent = browser_.killPid(child->pid, SIGSTOP);
  countSignal(*child, SIGSTOP, sent.ok);
  const int stop_ms = random_.between(kMinStopMs, kMaxStopMs);
  if (sent.ok) stopped_.push_back({child->pid, monotonicNowNs() + msToNs(stop_ms)});
  return tr("SIGSTOP to the %1 pid %2 for %3 ms%4")
      .arg(child->kind)
      .arg(child->pid)
      .arg(stop_ms)
      .arg(resultText(sent));
}

bool ChaosActions::mayHang() {
  std::erase_if(hangs_, [this](const Hang& hang) {
    const Tab* tab = browser_.tab(hang.tab);
    return !tab || tab->renderer_pid != hang.pid || tab->state == TabState::kCrashed;
  });
  return hangs_.size() < kMaxHangs;
}

void ChaosActions::noteHang(int tab_id) {
  if (const Tab* tab = browser_.tab(tab_id)) hangs_.push_back({tab_id, tab->renderer_pid, monotonicNowNs()});
}

QString ChaosActions::debugFault() {
  static const std::array kKinds = {wire::DebugFault::KIND_SEGV, wire::DebugFault::KIND_SEGV,
                                    wire::DebugFault::KIND_ABORT, wire::DebugFault::KIND_EXIT,
                                    wire::DebugFault::KIND_HANG};
  wire::DebugFault::Kind kind = kKinds[static_cast<size_t>(random_.between(0, static_cast<int>(kKinds.size()) - 1))];
  const QString kind_name = QString::fromStdString(wire::DebugFault::Kind_Name(kind));
  const int target = random_.between(0, 9);
  if (target < 2) {
    const bool sent = browser_.gpu().sendFault(kind);
    return tr("DebugFault %1 to the GPU process%2").arg(kind_name, sent ? QString() : tr(" (none running)"));
  }
  if (target < 4) {
    const std::vector<PluginHosts::TypeInfo> types = browser_.plugins().types();
    if (types.empty()) return tr("DebugFault: no plugin process yet");
    const std::string& type = types[static_cast<size_t>(random_.between(0, static_cast<int>(types.size()) - 1))].type;
    const bool sent = browser_.plugins().sendFault(type, kind);
    return tr("DebugFault %1 to the %2 plugin%3")
        .arg(kind_name, QString::fromStdString(type), sent ? QString() : tr(" (none running)"));
  }
  const int tab = tabWithLiveRenderer();
  if (!tab) return tr("DebugFault: no renderer running");
  if (kind == wire::DebugFault::KIND_HANG && !mayHang()) kind = wire::DebugFault::KIND_SEGV;
  const int code = random_.between(0, 255);
  const Browser::Result sent = browser_.faultRenderer(tab, kind, code);
  if (sent.ok && kind == wire::DebugFault::KIND_HANG) noteHang(tab);
  return tr("DebugFault %1%2 to the renderer of tab %3%4")
      .arg(QString::fromStdString(wire::DebugFault::Kind_Name(kind)))
      .arg(kind == wire::DebugFault::KIND_EXIT ? tr(" (code %1)").arg(code) : QString())
      .arg(tab)
      .arg(resultText(sent));
}

QString ChaosActions::faultPage() {
  const int tab = anyTab();
  if (!tab) return tr("fault page: no tab");
  QStringList pages = {QStringLiteral("demo://crash"), QStringLiteral("demo://abort"),
                       QStringLiteral("demo://exit?code=%1").arg(random_.between(0, 255)),
                       QStringLiteral("demo://gpucrash"), QStringLiteral("demo://plugincrash")};
  if (mayHang()) pages << QStringLiteral("demo://hang");
  const QString url = pages[random_.between(0, static_cast<int>(pages.size()) - 1)];
  const Browser::Result done = browser_.navigate(tab, url);
  if (done.ok && url == QLatin1String("demo://hang")) noteHang(tab);
  return tr("tab %1 to %2%3").arg(tab).arg(url, resultText(done));
}

QString ChaosActions::badIpcPage() {
  const int tab = anyTab();
  if (!tab) return tr("bad-IPC page: no tab");
  const QString url =
      QStringLiteral("demo://badipc?kind=") + kBadIpcKinds[random_.between(0, static_cast<int>(kBadIpcKinds.size()) - 1)];
  return tr("tab %1 to %2%3").arg(tab).arg(url, resultText(browser_.navigate(tab, url)));
}

QString ChaosActions::leakPage() {
  std::erase_if(leaks_, [this](const Leak& leak) {
    const Tab* tab = browser_.tab(leak.tab);
    return !tab || tab->navigation_id != leak.navigation_id;
  });
  if (leaks_.size() >= kMaxLeaks) return navigate();
  const int tab = anyTab();
  if (!tab) return tr("leak page: no tab");
  const int stay_ms = random_.between(1'500, 4'000);
  const Browser::Result done = browser_.navigate(tab, QStringLiteral("demo://leak"));
  if (done.ok) leaks_.push_back({tab, browser_.tab(tab)->navigation_id, monotonicNowNs() + msToNs(stay_ms)});
  return tr("tab %1 to demo://leak for %2 ms%3").arg(tab).arg(stay_ms).arg(resultText(done));
}

QString ChaosActions::navigate() {
  const int tab = anyTab();
  if (!tab) return tr("navigate: no tab");
  const QString url = anyPage();
  return tr("tab %1 to %2%3").arg(tab).arg(url, resultText(browser_.navigate(tab, url)));
}

QString ChaosActions::history() {
  const int tab = anyTab();
  if (!tab) return tr("history: no tab");
  const bool back = random_.between(0, 1);
  const Browser::Result done = back ? browser_.goBack(tab) : browser_.goForward(tab);
  return tr("tab %1 %2%3").arg(tab).arg(back ? tr("back") : tr("forward"), resultText(done));
}

// The broken first: that is what a person reloads, and it keeps most tabs live.
QString ChaosActions::reload() {
  std::vector<int> unresponsive;
  std::vector<int> crashed;
  for (int id : browser_.tabIds()) {
    const TabState state = browser_.tab(id)->state;
    if (state == TabState::kUnresponsive) unresponsive.push_back(id);
    if (state == TabState::kCrashed) crashed.push_back(id);
  }
  const auto any = [this](const std::vector<int>& ids) {
    return ids[static_cast<size_t>(random_.between(0, static_cast<int>(ids.size()) - 1))];
  };
  int tab = 0;
  if (!unresponsive.empty() && random_.between(0, 1)) {
    tab = any(unresponsive);
  } else if (!crashed.empty()) {
    tab = any(crashed);
  } else {
    tab = anyTab();
  }
  if (!tab) return tr("reload: no tab");
  const QString state = QLatin1String(tabStateName(browser_.tab(tab)->state));
  // A fault page reloaded faults again (a crash loop, worth seeing); half the time leave it instead.
  if (browser_.tab(tab)->url.scheme() == QLatin1String("demo") && random_.between(0, 1)) {
    const QString url = anyPage();
    return tr("%1 tab %2 away to %3%4").arg(state).arg(tab).arg(url, resultText(browser_.navigate(tab, url)));
  }
  return tr("%1 tab %2 reloaded%3").arg(state).arg(tab).arg(resultText(browser_.reload(tab)));
}

QString ChaosActions::open(const QString& url) {
  auto opened = browser_.openTab(url);
  if (const auto* error = std::get_if<QString>(&opened)) return tr("open %1 refused: %2").arg(url, *error);
  ++result_.tabs_opened;
  return tr("opened tab %1 on %2").arg(std::get<int>(opened)).arg(url);
}

// Between 9 and 12 tabs: the "about 10", with tabs coming and going.
QString ChaosActions::openOrClose() {
  const size_t count = browser_.tabIds().size();
  const bool close = count > 11 || (count >= 9 && random_.between(0, 1));
  if (!close) return open(anyPage());
  const int tab = anyTab();
  const Browser::Result done = browser_.closeTab(tab);
  if (done.ok) ++result_.tabs_closed;
  return tr("closed tab %1%2").arg(tab).arg(resultText(done));
}

QString ChaosActions::navigationFlood() {
  const int count = random_.between(20, 60);
  for (int i = 0; i < count; ++i) {
    const int tab = anyTab();
    if (!tab) break;
    if (random_.between(0, 4) == 0) {
      browser_.reload(tab);
    } else {
      browser_.navigate(tab, anyPage());
    }
  }
  return tr("%1 navigations and reloads at once").arg(count);
}

// A loaded tab on demo://deadlock asks its plugin a few times, blocking (Enter) or not (n); with
// none, a tab is sent there, to be asked on a later step.
QString ChaosActions::deadlockCalls() {
  const QUrl page(QStringLiteral("demo://deadlock"));
  std::vector<int> on_page;
  for (int id : browser_.tabIds()) {
    const Tab* tab = browser_.tab(id);
    if (tab->url == page && tab->state == TabState::kLoaded) on_page.push_back(id);
  }
  if (on_page.empty()) {
    const int tab_id = tabWithLiveRenderer();
    if (!tab_id) return tr("deadlock page calls: no renderer running");
    return tr("tab %1 to demo://deadlock%2")
        .arg(tab_id)
        .arg(resultText(browser_.navigate(tab_id, page.toString())));
  }
  const int tab_id =
      on_page[static_cast<size_t>(random_.between(0, static_cast<int>(on_page.size()) - 1))];
  const int count = random_.between(1, 4);
  for (int i = 0; i < count; ++i) {
    wire::InputEvent input;
    if (random_.between(0, 1)) {
      input.mutable_key()->set_special(wire::KeyInput::SPECIAL_ENTER);
    } else {
      input.mutable_key()->set_text("n");
    }
    browser_.sendInput(tab_id, input);
  }
  return tr("%1 calls from tab %2 to its plugin").arg(count).arg(tab_id);
}

QString ChaosActions::inputFlood() {
  const int tab_id = tabWithLiveRenderer();
  if (!tab_id) return tr("input flood: no renderer running");
  const int count = random_.between(50, 300);
  for (int i = 0; i < count; ++i) {
    const Tab* tab = browser_.tab(tab_id);
    if (!tab) break;
    wire::InputEvent input;
    switch (random_.between(0, 3)) {
      case 0:
      case 1: {
        // Half the clicks into a plugin box when the page has one: those go to the plugin.
        int x = random_.between(0, tab->viewport.width() - 1);
        int y = random_.between(0, tab->viewport.height() - 1);
        if (tab->display_list && random_.between(0, 1)) {
          for (const auto& item : tab->display_list->items()) {
            if (!item.has_plugin()) continue;
            const auto& rect = item.plugin().rect();
            x = rect.x() + random_.between(0, std::max(0, rect.width() - 1));
            y = rect.y() + random_.between(0, std::max(0, rect.height() - 1));
            break;
          }
        }
        input.mutable_click()->set_x(x);
        input.mutable_click()->set_y(y);
        break;
      }
      case 2:
        input.mutable_scroll()->set_delta_y(random_.between(-600, 600));
        break;
      default:
        if (random_.between(0, 3) == 0) {
          input.mutable_key()->set_special(static_cast<wire::KeyInput::Special>(random_.between(1, 3)));
        } else {
          input.mutable_key()->set_text(std::string(1, static_cast<char>('a' + random_.between(0, 25))));
        }
        break;
    }
    browser_.sendInput(tab_id, input);
  }
  return tr("%1 clicks, scrolls and keys to tab %2").arg(count).arg(tab_id);
}

QString ChaosActions::resize() {
  const int tab = anyTab();
  if (!tab) return tr("resize: no tab");
  const QSize size(random_.between(200, 1600), random_.between(150, 1200));
  browser_.resizeViewport(tab, size);
  return tr("tab %1 resized to %2x%3").arg(tab).arg(size.width()).arg(size.height());
}

QString ChaosActions::control(QStringList& violations) {
  const std::vector<ChaosChild> children = liveChildren(browser_);
  const ChaosControlRequest request =
      pickControlRequest(random_, browser_.tabIds(), children, browser_.ipcLog().lastIndex());
  const ControlCommands::Outcome outcome = control_.execute(request.line);
  // A wait cannot be answered at once; the connection would carry it out. Nothing more to check.
  const auto* reply = std::get_if<ControlCommands::Reply>(&outcome);
  const bool ok = !reply || reply->line.startsWith("{\"ok\":true");
  if (ok) {
    ++result_.control_ok;
  } else {
    ++result_.control_refused;
  }
  if (request.target) countSignal(*request.target, request.signal, ok);
  if (request.must_refuse) violations << invariants_.checkRefused(QString::fromUtf8(request.line), !ok);
  return tr("control %1 -> %2")
      .arg(QString::fromUtf8(request.line))
      .arg(reply ? QString::fromUtf8(reply->line.trimmed().left(160)) : tr("(a wait)"));
}

QString ChaosActions::recover() {
  QStringList done;
  if (browser_.gpu().softwareFallback()) {
    browser_.gpu().retry();
    done << tr("GPU process retried");
  }
  for (const PluginHosts::TypeInfo& type : browser_.plugins().types()) {
    if (!type.crashed) continue;
    browser_.plugins().reload(type.type);
    done << tr("%1 plugin reloaded").arg(QString::fromStdString(type.type));
  }
  for (int id : browser_.tabIds()) {
    if (browser_.tab(id)->state != TabState::kUnresponsive || random_.between(0, 1)) continue;
    done << tr("waiting on unresponsive tab %1%2").arg(id).arg(resultText(browser_.keepWaiting(id)));
    break;
  }
  return done.isEmpty() ? tr("nothing to recover") : done.join(QStringLiteral("; "));
}

void ChaosActions::followUp(uint64_t now_ns) {
  std::erase_if(stopped_, [&](const Stopped& stopped) {
    if (stopped.due_ns > now_ns) return false;
    browser_.killPid(stopped.pid, SIGCONT);  // refused only when the child is gone: nothing to do
    return true;
  });
  std::erase_if(leaks_, [&](const Leak& leak) {
    const Tab* tab = browser_.tab(leak.tab);
    if (!tab || tab->navigation_id != leak.navigation_id) return true;
    if (leak.leave_ns > now_ns) return false;
    browser_.navigate(leak.tab, anyPage());
    return true;
  });
  mayHang();  // forgets the hangs that are over
  for (const Hang& hang : hangs_) {
    const Tab* tab = browser_.tab(hang.tab);
    if (now_ns - hang.since_ns > kHangReloadAfterNs && tab->state == TabState::kUnresponsive) {
      browser_.reload(hang.tab);
    }
  }
}

void ChaosActions::resumeAll() {
  for (const Stopped& stopped : stopped_) browser_.killPid(stopped.pid, SIGCONT);
  stopped_.clear();
}

}  // namespace sb::browser
