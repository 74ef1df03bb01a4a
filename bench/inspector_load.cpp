// sandbrowser-bench-inspector: how many messages per second the IPC inspector absorbs while the UI
// thread stays responsive, and what it costs in memory at its bound.
//
// A real window runs 20 demo://clock tabs (real renderers, GPU process, inspector dock open and
// following). On the same UI thread, as the browser's own recording does, a generator appends
// messages to a log at a fixed rate: copies of real bodies taken from the clock tabs' traffic
// (display lists, pings, pongs, log lines), each record with its own copy of the body. A second
// inspector, following, shows that log. A precise 10 ms timer measures the event loop's lag.
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/process_info.h"
#include "apps/browser/ui/inspector/ipc_inspector.h"
#include "apps/browser/ui/inspector/ipc_table_model.h"
#include "apps/browser/ui/main_window.h"
#include "common/base/clock.h"
#include "common/base/percentile.h"

namespace {

using sb::browser::IpcLog;
using sb::browser::IpcRecord;

struct Config {
  std::vector<int> rates{10'000, 25'000, 50'000, 100'000, 200'000};
  int seconds = 5;
  int tabs = 20;
  size_t capacity = 100'000;
};

void printUsage(std::FILE* to) {
  std::fputs(
      "usage: sandbrowser-bench-inspector [--rates R1,R2,...] [--seconds S] [--tabs N] [--capacity C]\n"
      "  Opens N demo://clock tabs (default 20) in a real window, then for each rate (messages/s,\n"
      "  default 10000,25000,50000,100000,200000) feeds a following IPC inspector for S seconds\n"
      "  (default 5) and prints the rate it absorbed, the UI event loop's lag (p50, p99, max, from a\n"
      "  10 ms timer), its rows and the process's RSS. Uses QT_QPA_PLATFORM=offscreen unless set.\n",
      to);
}

bool parseArguments(int argc, char** argv, Config* config) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--help") {
      printUsage(stdout);
      std::exit(0);
    } else if (arg == "--rates") {
      const char* text = value();
      if (!text) return false;
      config->rates.clear();
      for (const QString& part : QString::fromUtf8(text).split(',')) {
        bool ok = false;
        const int rate = part.toInt(&ok);
        if (!ok || rate <= 0 || rate > 10'000'000) return false;
        config->rates.push_back(rate);
      }
    } else if (arg == "--seconds" || arg == "--tabs" || arg == "--capacity") {
      const char* text = value();
      bool ok = false;
      const long number = text ? QString::fromUtf8(text).toLong(&ok) : 0;
      if (!ok || number <= 0 || number > 10'000'000) return false;
      if (arg == "--seconds") config->seconds = static_cast<int>(number);
      if (arg == "--tabs") config->tabs = static_cast<int>(number);
      if (arg == "--capacity") config->capacity = static_cast<size_t>(number);
    } else {
      return false;
    }
  }
  return !config->rates.empty();
}

// Runs the event loop until `done` or the deadline; false on the deadline.
template <typename Done>
bool spinUntil(Done done, int timeout_ms) {
  QElapsedTimer timer;
  timer.start();
  while (!done()) {
    if (timer.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return true;
}

void spinFor(int ms) {
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

double rssMiB() { return sb::browser::residentSetKb(::getpid()).value_or(0) / 1024.0; }

}  // namespace

int main(int argc, char** argv) {
  Config config;
  if (!parseArguments(argc, argv, &config)) {
    printUsage(stderr);
    return 2;
  }
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);

  sb::browser::Browser browser(sb::browser::Browser::Options{});
  sb::browser::MainWindow window(browser);
  window.resize(1280, 900);
  window.show();
  window.inspectorDock()->show();
  for (int i = 0; i < config.tabs; ++i) window.openTab(QStringLiteral("demo://clock"));
  const bool loaded = spinUntil(
      [&] {
        for (int id : browser.tabIds()) {
          if (browser.tab(id)->state != sb::browser::TabState::kLoaded) return false;
        }
        return true;
      },
      30'000);
  if (!loaded) {
    std::fprintf(stderr, "sandbrowser-bench-inspector: the %d clock tabs did not load within 30 s\n", config.tabs);
    return 1;
  }
  spinFor(1500);  // some steady traffic to copy bodies from

  // Real bodies of each kind seen so far, cycled through by the generator.
  std::vector<IpcRecord> samples = browser.ipcLog().since(0, 2000);
  std::erase_if(samples, [](const IpcRecord& r) { return !r.payload; });
  if (samples.empty()) {
    std::fprintf(stderr, "sandbrowser-bench-inspector: no traffic to copy\n");
    return 1;
  }
  size_t sample_bytes = 0;
  for (const IpcRecord& r : samples) sample_bytes += r.bytes;

  std::printf("sandbrowser-bench-inspector: %d clock tabs live, %d s per rate, bound %zu messages, "
              "bodies copied from %zu real messages (mean %zu B)\n",
              config.tabs, config.seconds, config.capacity, samples.size(), sample_bytes / samples.size());
  std::printf("%10s %10s %9s %9s %9s %9s %10s %10s\n", "offered/s", "absorbed/s", "lag p50", "lag p99",
              "lag max", "rows", "RSS MiB", "bodies MiB");

  const double rss_before = rssMiB();
  for (int rate : config.rates) {
    IpcLog log(IpcLog::Limits{.capacity = config.capacity});
    sb::browser::IpcInspector::Options options;
    options.capacity = config.capacity;
    sb::browser::IpcInspector inspector({&log, nullptr, sb::monotonicNowNs()}, options);
    inspector.resize(1200, 700);
    inspector.show();

    // The generator: every 5 ms, as many records as the rate says are due by now.
    QElapsedTimer clock;
    uint64_t generated = 0;
    size_t next_sample = 0;
    QTimer generator;
    generator.setTimerType(Qt::PreciseTimer);
    QObject::connect(&generator, &QTimer::timeout, [&] {
      const auto due = static_cast<uint64_t>(clock.nsecsElapsed() / 1e9 * rate);
      const uint64_t now = sb::monotonicNowNs();
      for (; generated < due; ++generated) {
        IpcRecord record = samples[next_sample];
        next_sample = (next_sample + 1) % samples.size();
        record.time_ns = now;
        record.payload = std::make_shared<const std::string>(*record.payload);
        log.append(std::move(record));
      }
    });
    // The lag probe: how late a 10 ms timer fires.
    std::vector<double> lags_ms;
    QElapsedTimer probe_clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
      const double elapsed_ms = probe_clock.nsecsElapsed() / 1e6;
      probe_clock.restart();
      lags_ms.push_back(std::max(0.0, elapsed_ms - 10.0));
    });

    clock.start();
    probe_clock.start();
    generator.start(5);
    probe.start(10);
    spinFor(config.seconds * 1000);
    generator.stop();
    probe.stop();
    const double seconds = clock.nsecsElapsed() / 1e9;
    // Absorbed: what reached the inspector's model by the end of the run (kept rows plus the rows it
    // let go at its bound); no catch-up pull afterwards.
    const double absorbed_per_s =
        (inspector.model()->rowCount() + inspector.model()->droppedRows()) / seconds;
    std::printf("%10d %10.0f %7.1fms %7.1fms %7.1fms %9d %10.1f %10.1f\n", rate, absorbed_per_s,
                sb::nearestRankPercentile(lags_ms, 0.50), sb::nearestRankPercentile(lags_ms, 0.99), sb::nearestRankPercentile(lags_ms, 1.0),
                inspector.model()->rowCount(), rssMiB(), log.payloadBytes() / 1048576.0);
    std::fflush(stdout);
  }
  std::printf("RSS before the first rate: %.1f MiB (window, 20 tabs' pages and frames, the browser's own log)\n",
              rss_before);
  browser.shutdownAll();
  spinUntil([&] { return !browser.hasLiveChildren(); }, 10'000);
  return 0;
}
