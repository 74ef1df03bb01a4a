// sandbrowser-bench-zygote: what the renderer zygote buys. Drives a Browser in this process
// (no GPU process), once with renderers exec'd and once forked from the zygote, and prints:
//   - tab spawn to first display list: a tab opened, its renderer started, the page's first
//     display list accepted (Tab::renderer_launch_ns to Tab::first_paint_ns), one tab at a time;
//   - memory per renderer (PSS, /proc/PID/smaps_rollup) with --tabs renderers alive at once, and
//     the zygote's own PSS, which its renderers share.
#include <QCoreApplication>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/process_info.h"
#include "common/base/percentile.h"
#include "tests/support/qt_wait.h"

namespace {

using namespace std::chrono_literals;
using sb::browser::Browser;
using sb::browser::TabState;
using sb::testing::waitUntil;

struct Figures {
  std::vector<double> spawn_ms;
  std::vector<double> pss_kb;
  double zygote_pss_kb = 0;
  uint64_t forks = 0;
};

bool loaded(const Browser& browser, int tab) {
  return waitUntil([&] { return browser.tab(tab) && browser.tab(tab)->state == TabState::kLoaded; }, 20s);
}

Figures measure(bool zygote, int iterations, int tabs) {
  Browser::Options options;
  options.gpu_process = false;
  options.zygote = zygote;
  Browser browser(options);
  Figures figures;
  if (zygote && !waitUntil([&] { return browser.zygote()->ready(); }, 10s)) {
    std::fprintf(stderr, "sandbrowser-bench-zygote: the zygote did not come up\n");
    return figures;
  }
  for (int i = 0; i < iterations; ++i) {
    const int tab = std::get<int>(browser.openTab("demo://home"));
    if (!loaded(browser, tab)) break;
    const auto* t = browser.tab(tab);
    figures.spawn_ms.push_back(static_cast<double>(t->first_paint_ns - t->renderer_launch_ns) / 1e6);
    browser.closeTab(tab);
    waitUntil([&] { return browser.renderers().empty(); }, 10s);
  }
  std::vector<int> open;
  for (int i = 0; i < tabs; ++i) {
    const int tab = std::get<int>(browser.openTab("demo://home"));
    if (loaded(browser, tab)) open.push_back(tab);
  }
  for (int tab : open) {
    if (auto pss = sb::browser::proportionalSetKb(static_cast<pid_t>(browser.tab(tab)->renderer_pid))) {
      figures.pss_kb.push_back(static_cast<double>(*pss));
    }
  }
  if (zygote) {
    figures.zygote_pss_kb = static_cast<double>(sb::browser::proportionalSetKb(browser.zygote()->pid()).value_or(0));
    figures.forks = browser.zygote()->forks();
  }
  return figures;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  spdlog::set_level(spdlog::level::warn);  // one line per renderer exit would bury the table
  int iterations = 50;
  int tabs = 10;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--iterations") && i + 1 < argc) {
      iterations = std::max(1, std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--tabs") && i + 1 < argc) {
      tabs = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fputs("usage: sandbrowser-bench-zygote [--iterations N] [--tabs N]\n"
                 "  Opens demo://home N times one tab at a time (default 50) with renderers exec'd,\n"
                 "  then forked from the zygote: spawn to first display list, p50 and p99; then\n"
                 "  --tabs renderers at once (default 10): PSS per renderer.\n",
                 stderr);
      return 2;
    }
  }
  const Figures exec = measure(false, iterations, tabs);
  const Figures zygote = measure(true, iterations, tabs);
  std::printf("%-32s %10s %10s %8s\n", "measure", "exec", "zygote", "count");
  std::printf("%-32s %10.2f %10.2f %8zu\n", "spawn to first list p50 (ms)", sb::nearestRankPercentile(exec.spawn_ms, 0.5),
              sb::nearestRankPercentile(zygote.spawn_ms, 0.5), zygote.spawn_ms.size());
  std::printf("%-32s %10.2f %10.2f %8zu\n", "spawn to first list p99 (ms)", sb::nearestRankPercentile(exec.spawn_ms, 0.99),
              sb::nearestRankPercentile(zygote.spawn_ms, 0.99), zygote.spawn_ms.size());
  std::printf("%-32s %10.0f %10.0f %8zu\n", "PSS per renderer, mean (KiB)", mean(exec.pss_kb), mean(zygote.pss_kb),
              zygote.pss_kb.size());
  std::printf("%-32s %10s %10.0f %8d\n", "zygote PSS (KiB)", "-", zygote.zygote_pss_kb, 1);
  std::printf("zygote forked %llu renderers\n", static_cast<unsigned long long>(zygote.forks));
  const bool ok = exec.spawn_ms.size() == static_cast<size_t>(iterations) &&
                  zygote.spawn_ms.size() == static_cast<size_t>(iterations) && zygote.forks > 0;
  return ok ? 0 : 1;
}
