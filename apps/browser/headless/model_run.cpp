#include "apps/browser/headless/model_run.h"

#include <sys/wait.h>

#include <QJsonArray>
#include <QObject>
#include <algorithm>

#include "apps/browser/headless/browser_control.h"
#include "apps/browser/headless/process_tree.h"
#include "apps/tools/ctl/control_client.h"
#include "apps/tools/ctl/launched_browser.h"
#include "common/process/exit_status.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;

constexpr int kLoadTimeoutMs = 15'000;  // one tab, on a busy two-core machine
constexpr int kCrashTimeoutMs = 10'000;
// Over the browser's own timeout_ms, so a "timeout" reply arrives instead of a silent client.
constexpr auto kSlack = 5s;
constexpr auto kRequestTimeout = 10s;
// What one crash takes down is known at once (one pidfd, or one process); a second more shows that
// nothing follows later, such as a browser dying of it after all.
constexpr auto kAftermath = 1s;
// A dying browser closes its socket a moment before its exit can be reaped; on a loaded machine
// that moment can stretch.
constexpr auto kExitGrace = 3s;
constexpr auto kQuitTimeout = 10s;

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// "SIGSEGV", "exit code 3": how a browser child ended, from its waitpid status.
QString exitText(int status) {
  if (status >= 0 && WIFSIGNALED(status)) {
    return QString::fromStdString(process::signalName(WTERMSIG(status)));
  }
  if (status >= 0 && WIFEXITED(status)) return QObject::tr("exit code %1").arg(WEXITSTATUS(status));
  return QObject::tr("status unknown");
}

}  // namespace

ModelRun::ModelRun(ModelSpec spec, const ComparisonOptions& options, QTextStream& progress)
    : spec_(std::move(spec)), options_(options), progress_(progress) {
  result_.label = spec_.label;
  result_.tabs = options_.tabs;
}

ModelRun::~ModelRun() = default;  // a browser still running is killed and reaped by LaunchedBrowser

std::optional<ModelResult> ModelRun::run() {
  if (!start() || !openTabs()) return std::nullopt;
  measure();
  if (!crashFirstTab() || !countLosses()) return std::nullopt;
  quit();
  return result_;
}

bool ModelRun::start() {
  ctl::LaunchedBrowser::Options launch;
  launch.executable = options_.executable.toStdString();
  for (const QString& argument : spec_.arguments + options_.browser_arguments) {
    launch.extra_arguments.push_back(argument.toStdString());
  }
  // Four browsers' info logs would bury the progress lines; a level the user chose still wins.
  if (qEnvironmentVariableIsEmpty("SANDBROWSER_LOG")) launch.environment = {"SANDBROWSER_LOG=warn"};
  std::string error;
  browser_ = ctl::LaunchedBrowser::start(launch, &error);
  if (!browser_) {
    return fail(QObject::tr("the browser did not start: %1").arg(QString::fromStdString(error)));
  }
  client_ = ctl::ControlClient::connect(browser_->socketPath(), &error);
  if (!client_) return fail(QString::fromStdString(error));
  control_ = std::make_unique<BrowserControl>(*client_);
  say(QObject::tr("browser pid %1 started (%2)")
          .arg(browser_->pid())
          .arg(spec_.arguments.join(QLatin1Char(' '))));
  return true;
}

// One tab at a time, each once the previous has painted: a tab's first paint then measures what
// its model makes it wait for (a new process, a new thread, or a renderer already running), not
// twenty launches fighting over two cores.
bool ModelRun::openTabs() {
  for (const QString& url : comparisonUrls(options_.tabs)) {
    const auto opened = control_->call({{"cmd", "open_tab"}, {"url", url}}, kRequestTimeout);
    if (!opened) return fail(QObject::tr("cannot open %1: %2").arg(url, control_->error()));
    const int tab = opened->value(QStringLiteral("tab")).toInt();
    const auto loaded = control_->call(
        {{"cmd", "wait"}, {"tab", tab}, {"state", "loaded"}, {"timeout_ms", kLoadTimeoutMs}},
        std::chrono::milliseconds(kLoadTimeoutMs) + kSlack);
    if (!loaded) {
      return fail(QObject::tr("tab %1 (%2) did not load within %3 s: %4%5")
                      .arg(tab)
                      .arg(url)
                      .arg(kLoadTimeoutMs / 1000)
                      .arg(control_->error(), describeTab(tab)));
    }
    tabs_.push_back(tab);
    const QJsonValue paint = loaded->value(QStringLiteral("tab"))[QStringLiteral("first_paint_ms")];
    if (paint.isDouble()) first_paints_ms_.push_back(paint.toDouble());
  }
  result_.first_paint_p50_ms = median(first_paints_ms_);
  say(QObject::tr("%1 tabs loaded, first paint p50 %2 ms")
          .arg(tabs_.size())
          .arg(result_.first_paint_p50_ms, 0, 'f', 1));
  return true;
}

// "; it is crashed (launch failed: ...)": what a tab that did not load is doing instead, for the
// failure message. Empty when that cannot be known either.
QString ModelRun::describeTab(int tab) {
  const auto listed = control_->call({{"cmd", "list_tabs"}}, kRequestTimeout);
  if (!listed) return {};
  for (const QJsonValue& record : listed->value(QStringLiteral("tabs")).toArray()) {
    if (record[QStringLiteral("tab")].toInt() != tab) continue;
    const QString reason = record[QStringLiteral("crash_reason")].toString();
    return QObject::tr("; it is %1").arg(record[QStringLiteral("state")].toString()) +
           (reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason));
  }
  return {};
}

// Also the browser's own share, so a reader sees what every model pays once (the browser, with
// Qt and the pages' pictures) apart from what grows with the processes.
void ModelRun::measure() {
  const std::vector<pid_t> tree = processTree(browser_->pid());
  const PssTotal pss = totalPss(tree);
  result_.processes = static_cast<int>(tree.size());
  result_.pss_kb = pss.kb;
  result_.pss_unreadable = pss.unreadable;
  result_.browser_pss_kb = totalPss({browser_->pid()}).kb;
  say(QObject::tr("%1 processes, %2 MiB PSS, of which the browser process %3 MiB")
          .arg(tree.size())
          .arg(pss.kb / 1024.0, 0, 'f', 1)
          .arg(result_.browser_pss_kb / 1024.0, 0, 'f', 1) +
      (pss.unreadable ? QObject::tr(" (%1 unreadable, left out)").arg(pss.unreadable) : QString()));
}

bool ModelRun::crashFirstTab() {
  const int first = tabs_.front();
  say(QObject::tr("crashing tab %1's renderer (SIGSEGV)").arg(first));
  if (!control_->call({{"cmd", "crash"}, {"tab", first}, {"how", "segv"}}, kRequestTimeout)) {
    return browserEnded() ||
           fail(QObject::tr("cannot crash tab %1: %2").arg(first).arg(control_->error()));
  }
  const auto crashed = control_->call(
      {{"cmd", "wait"}, {"tab", first}, {"state", "crashed"}, {"timeout_ms", kCrashTimeoutMs}},
      std::chrono::milliseconds(kCrashTimeoutMs) + kSlack);
  if (!crashed) {
    return browserEnded() ||
           fail(QObject::tr("tab %1 did not crash: %2").arg(first).arg(control_->error()));
  }
  return true;
}

// A request left without a reply may mean the browser is dying (a single-process browser does, of
// the crash) rather than a failure.
bool ModelRun::browserEnded() { return browser_->waitForExit(kExitGrace).has_value(); }

bool ModelRun::countLosses() {
  if (const auto status = browser_->waitForExit(kAftermath)) {
    result_.browser_survived = false;
    result_.browser_signal = *status >= 0 && WIFSIGNALED(*status) ? WTERMSIG(*status) : 0;
    result_.tabs_lost = static_cast<int>(tabs_.size());
    say(QObject::tr("the browser ended (%1): all %2 tabs lost")
            .arg(exitText(*status))
            .arg(tabs_.size()));
    return true;
  }
  const auto listed = control_->call({{"cmd", "list_tabs"}}, kRequestTimeout);
  if (!listed) {
    return fail(QObject::tr("cannot list the tabs after the crash: %1").arg(control_->error()));
  }
  for (const QJsonValue& tab : listed->value(QStringLiteral("tabs")).toArray()) {
    const bool ours =
        std::find(tabs_.begin(), tabs_.end(), tab[QStringLiteral("tab")].toInt()) != tabs_.end();
    if (ours && tab[QStringLiteral("state")].toString() == QLatin1String("crashed")) {
      ++result_.tabs_lost;
    }
  }
  say(QObject::tr("the browser survived; %1 of %2 tabs lost")
          .arg(result_.tabs_lost)
          .arg(tabs_.size()));
  return true;
}

// The survivors leave the clean way, so each model starts on a machine as quiet as the last.
void ModelRun::quit() {
  if (!browser_->running()) return;
  if (!control_->call({{"cmd", "quit"}}, kRequestTimeout)) {
    say(QObject::tr("warning: quit was refused: %1").arg(control_->error()));
  }
  const auto status = browser_->waitForExit(kQuitTimeout);
  if (!status) {
    say(QObject::tr("warning: the browser did not quit within %1 s; killing it")
            .arg(kQuitTimeout.count()));
  } else if (*status != 0) {
    say(QObject::tr("warning: the browser quit with %1").arg(exitText(*status)));
  }
}

bool ModelRun::fail(const QString& why) {
  error_ = spec_.label + QStringLiteral(": ") + why;
  return false;
}

void ModelRun::say(const QString& line) {
  progress_ << "[" << spec_.label << "] " << line << "\n";
  progress_.flush();
}

}  // namespace sb::browser
