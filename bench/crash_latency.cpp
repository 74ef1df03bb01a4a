// sandbrowser-bench-crash: how fast the browser notices a dead renderer, and how fast a fresh one
// paints. Drives a real `sandbrowser --headless` over its control socket: the kill goes through the
// `kill` command, so both ends of the detection latency are timestamped inside the browser.
#include <sys/wait.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "apps/tools/ctl/control_client.h"
#include "apps/tools/ctl/launched_browser.h"
#include "common/base/percentile.h"
#include "common/process/command_line.h"

namespace {

using namespace std::chrono_literals;

constexpr const char* kUrl = "demo://home";

void printUsage(std::FILE* to) {
  std::fputs(
      "usage: sandbrowser-bench-crash [--iterations N]\n"
      "  Starts sandbrowser --headless --control-socket, then N times (default 100): kills the\n"
      "  renderer of a loaded demo://home tab with the `kill` control command, waits for the tab "
      "to\n"
      "  crash, reloads it and waits for it to load. Prints percentiles of the browser-measured\n"
      "  detection latency and of renderer start to first display list.\n",
      to);
}

class Session {
 public:
  explicit Session(sb::ctl::ControlClient& client) : client_(client) {}

  // The reply, or an empty object after printing why there was none or it said no.
  QJsonObject call(const QJsonObject& request) {
    const std::string line = QJsonDocument(request).toJson(QJsonDocument::Compact).toStdString();
    std::string error;
    auto reply = client_.request(line, 30s, &error);
    if (!reply) {
      std::fprintf(stderr, "sandbrowser-bench-crash: %s: %s\n", line.c_str(), error.c_str());
      return {};
    }
    const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(*reply)).object();
    if (!object.value("ok").toBool()) {
      std::fprintf(stderr, "sandbrowser-bench-crash: %s: %s\n", line.c_str(), reply->c_str());
      return {};
    }
    return object;
  }

  QJsonObject waitFor(int tab, const char* state) {
    return call({{"cmd", "wait"}, {"tab", tab}, {"state", state}, {"timeout_ms", 10000}})
        .value("tab")
        .toObject();
  }

 private:
  sb::ctl::ControlClient& client_;
};

}  // namespace

int main(int argc, char** argv) {
  int iterations = 100;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--iterations") == 0 && i + 1 < argc) {
      iterations = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      printUsage(stdout);
      return 0;
    } else {
      std::fprintf(stderr, "sandbrowser-bench-crash: unknown option '%s'\n", argv[i]);
      printUsage(stderr);
      return 2;
    }
  }
  if (iterations < 1) {
    std::fprintf(stderr, "sandbrowser-bench-crash: --iterations must be a positive number\n");
    return 2;
  }

  auto executable = sb::process::resolveExecutable("sandbrowser");
  if (!executable) {
    std::fprintf(
        stderr,
        "sandbrowser-bench-crash: cannot find sandbrowser next to this binary or on PATH\n");
    return 2;
  }
  sb::ctl::LaunchedBrowser::Options options;
  options.executable = *executable;
  options.environment = {
      "SANDBROWSER_LOG=warn"};  // one info line per killed renderer would bury the table
  std::string error;
  auto browser = sb::ctl::LaunchedBrowser::start(options, &error);
  auto client = browser ? sb::ctl::ControlClient::connect(browser->socketPath(), &error) : nullptr;
  if (!client) {
    std::fprintf(stderr, "sandbrowser-bench-crash: %s\n", error.c_str());
    return 1;
  }
  Session session(*client);

  const int tab = session.call({{"cmd", "open_tab"}, {"url", kUrl}}).value("tab").toInt();
  QJsonObject loaded = tab ? session.waitFor(tab, "loaded") : QJsonObject();
  std::vector<double> detect_us;
  std::vector<double> first_paint_ms;
  for (int i = 0; i < iterations && !loaded.isEmpty(); ++i) {
    const qint64 pid = loaded.value("renderer_pid").toInteger();
    if (session.call({{"cmd", "kill"}, {"pid", pid}, {"signal", "KILL"}}).isEmpty()) break;
    const QJsonObject crashed = session.waitFor(tab, "crashed");
    if (crashed.isEmpty()) break;
    detect_us.push_back(crashed.value("crash_detect_latency_us").toDouble());
    if (session.call({{"cmd", "reload"}, {"tab", tab}}).isEmpty()) break;
    loaded = session.waitFor(tab, "loaded");
    if (loaded.isEmpty()) break;
    first_paint_ms.push_back(loaded.value("first_paint_ms").toDouble());
  }
  session.call({{"cmd", "quit"}});
  browser->waitForExit(5s);
  if (static_cast<int>(first_paint_ms.size()) != iterations) {
    std::fprintf(stderr, "sandbrowser-bench-crash: stopped after %zu of %d iterations\n",
                 first_paint_ms.size(), iterations);
    return 1;
  }

  std::sort(detect_us.begin(), detect_us.end());
  std::sort(first_paint_ms.begin(), first_paint_ms.end());
  std::printf("crash detection and renderer restart: sandbrowser --headless, %s, %d iterations\n",
              kUrl, iterations);
  std::printf("%-44s %10s %10s %10s %7s\n", "measure", "p50", "p99", "max", "count");
  std::printf("%-44s %10.1f %10.1f %10.1f %7zu\n", "kill -> tab marked crashed (us)",
              sb::nearestRankPercentile(detect_us, 0.5), sb::nearestRankPercentile(detect_us, 0.99), detect_us.back(),
              detect_us.size());
  std::printf("%-44s %10.2f %10.2f %10.2f %7zu\n", "renderer start -> first display list (ms)",
              sb::nearestRankPercentile(first_paint_ms, 0.5), sb::nearestRankPercentile(first_paint_ms, 0.99),
              first_paint_ms.back(), first_paint_ms.size());
  return 0;
}
