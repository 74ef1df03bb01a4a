#include "apps/browser/control/control_json.h"

#include <unistd.h>

#include <QJsonDocument>
#include <algorithm>
#include <cmath>
#include <limits>

#include "apps/browser/core/process_info.h"
#include "apps/browser/core/browser.h"
#include "apps/browser/core/process_host.h"

namespace sb::browser {
namespace {

QByteArray replyWithStatus(bool ok, const QJsonObject& fields) {
  QByteArray body = QJsonDocument(fields).toJson(QJsonDocument::Compact);  // "{}" or "{...}"
  QByteArray line = ok ? QByteArrayLiteral("{\"ok\":true") : QByteArrayLiteral("{\"ok\":false");
  if (body.size() > 2) {
    line += ',' + body.mid(1);
  } else {
    line += '}';
  }
  line += '\n';
  return line;
}

QJsonValue positiveOrNull(qint64 value) {
  return value > 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

// Fractions are kept to a sensible precision: a latency in µs to 0.1, a paint time in ms to 0.01.
// Dividing by the scale (not multiplying by a step) keeps 6.35 from printing as 6.3500000000000005.
double rounded(double value, double scale) { return std::round(value * scale) / scale; }

const char* processStateName(ProcessHost::State state) {
  switch (state) {
    case ProcessHost::State::kNotStarted:
    case ProcessHost::State::kLaunching:
      return "launching";
    case ProcessHost::State::kHandshaking:
      return "starting";
    case ProcessHost::State::kRunning:
      return "running";
    case ProcessHost::State::kExited:
    case ProcessHost::State::kLaunchFailed:
      return "exited";
  }
  return "exited";
}

QJsonValue rssJson(pid_t pid) {
  if (pid <= 0) return QJsonValue::Null;
  auto kb = residentSetKb(pid);
  return kb ? QJsonValue(static_cast<qint64>(*kb)) : QJsonValue(QJsonValue::Null);
}

QJsonObject sandboxJson(const wire::SandboxStatus& sandbox) {
  QJsonArray layers;
  for (const auto& layer : sandbox.layers()) {
    layers.append(QJsonObject{{"name", QString::fromStdString(layer.name())},
                              {"engaged", layer.engaged()},
                              {"detail", QString::fromStdString(layer.detail())}});
  }
  return {{"enabled", sandbox.enabled()}, {"layers", layers}};
}

void putStats(QJsonObject& object, const ipc::ChannelStats& stats) {
  object["msgs_in"] = static_cast<qint64>(stats.messages_in);
  object["msgs_out"] = static_cast<qint64>(stats.messages_out);
  object["bytes_in"] = static_cast<qint64>(stats.bytes_in);
  object["bytes_out"] = static_cast<qint64>(stats.bytes_out);
}

}  // namespace

QByteArray okReply(const QJsonObject& fields) { return replyWithStatus(true, fields); }

QByteArray errorReply(const QString& error) { return replyWithStatus(false, {{"error", error}}); }

QJsonObject tabJson(const Tab& tab) {
  QJsonObject object;
  object["tab"] = tab.id;
  object["url"] = tab.url.toString();
  object["title"] = tab.title;
  object["state"] = QLatin1String(tabStateName(tab.state));
  object["renderer_pid"] =
      tab.renderer ? positiveOrNull(tab.renderer_pid) : QJsonValue(QJsonValue::Null);
  // The crash fields describe the current crash only; a reload clears the reason.
  const bool crashed = tab.state == TabState::kCrashed;
  object["crash_reason"] = crashed ? QJsonValue(tab.crash_reason) : QJsonValue(QJsonValue::Null);
  object["crashed_pid"] = crashed ? positiveOrNull(tab.crashed_pid) : QJsonValue(QJsonValue::Null);
  object["crash_detect_latency_us"] =
      crashed && tab.crash_detect_latency_ns
          ? QJsonValue(rounded(tab.crash_detect_latency_ns / 1e3, 10))
          : QJsonValue(QJsonValue::Null);
  const bool painted =
      tab.first_paint_ns && tab.renderer_launch_ns && tab.first_paint_ns >= tab.renderer_launch_ns;
  object["first_paint_ms"] =
      painted ? QJsonValue(rounded((tab.first_paint_ns - tab.renderer_launch_ns) / 1e6, 100))
              : QJsonValue(QJsonValue::Null);
  return object;
}

QJsonArray processesJson(const Browser& browser) {
  QJsonArray processes;
  // In launch order (not yet launched last), so the list reads like the story of the session.
  auto hosts = browser.renderers();
  std::stable_sort(hosts.begin(), hosts.end(), [](const ProcessHost* a, const ProcessHost* b) {
    const uint64_t la =
        a->launchedAtNs() ? a->launchedAtNs() : std::numeric_limits<uint64_t>::max();
    const uint64_t lb =
        b->launchedAtNs() ? b->launchedAtNs() : std::numeric_limits<uint64_t>::max();
    return la < lb;
  });

  QJsonArray children;
  ipc::ChannelStats totals;
  auto addChild = [&](const ProcessHost& host, QJsonObject object) {
    const pid_t pid = host.pid();
    const bool alive = host.alive();
    object["pid"] = positiveOrNull(pid);
    object["kind"] = QLatin1String(processKindName(host.kind()));
    if (!object.contains("state")) object["state"] = QLatin1String(processStateName(host.state()));
    if (!object.contains("tabs")) object["tabs"] = QJsonArray{};
    object["rss_kb"] = alive ? rssJson(pid) : QJsonValue(QJsonValue::Null);
    object["sandbox"] = sandboxJson(host.sandboxStatus());
    const ipc::ChannelStats stats = host.channelStats() ? *host.channelStats() : ipc::ChannelStats{};
    putStats(object, stats);
    totals.messages_in += stats.messages_in;
    totals.messages_out += stats.messages_out;
    totals.bytes_in += stats.bytes_in;
    totals.bytes_out += stats.bytes_out;
    children.append(object);
  };
  for (const ProcessHost* host : hosts) {
    QJsonArray tabs;
    for (int id : browser.tabsOf(host)) tabs.append(id);
    QJsonObject object{{"tabs", tabs}};
    if (host->inProcess()) object["thread"] = true;  // single-process: "pid" is the browser's
    addChild(*host, object);
  }
  // The GPU and plugin processes serve every tab; their entries say how they are doing.
  const GpuHost& gpu = browser.gpu();
  if (const ProcessHost* host = gpu.process()) {
    addChild(*host, {{"gpu_mode", QLatin1String(gpuModeName(gpu.mode()))},
                     {"software_fallback", gpu.softwareFallback()},
                     {"crash_count", gpu.totalCrashes()},
                     {"frames_shown", static_cast<qint64>(gpu.framesShown())}});
  }
  for (const auto& plugin : browser.plugins().types()) {
    if (!plugin.process) continue;
    QJsonObject object{{"plugin_type", QString::fromStdString(plugin.type)},
                       {"crash_count", plugin.crashes},
                       {"instances", plugin.instances}};
    if (plugin.crashed) {
      object["state"] = "crashed";
      object["crash_reason"] = plugin.crash_reason;
    }
    addChild(*plugin.process, object);
  }

  // The zygote has no message channel, only fork requests: no stats, no sandbox layers of its own.
  if (const ZygoteHost* zygote = browser.zygote(); zygote && zygote->live()) {
    QJsonObject object{{"pid", positiveOrNull(zygote->pid())},
                       {"kind", "zygote"},
                       {"state", zygote->ready() ? "running" : "starting"},
                       {"tabs", QJsonArray{}},
                       {"rss_kb", rssJson(zygote->pid())},
                       {"forks", static_cast<qint64>(zygote->forks())},
                       {"fallbacks", static_cast<qint64>(zygote->fallbacks())}};
    children.append(object);
  }

  // "in" is always toward the browser, as in ipc_log: for the browser, the totals of every channel.
  QJsonObject self{{"pid", static_cast<qint64>(::getpid())},
                   {"kind", "browser"},
                   {"state", "running"},
                   {"tabs", QJsonArray{}},
                   {"rss_kb", rssJson(::getpid())},
                   {"sandbox", sandboxJson({})}};
  putStats(self, totals);
  processes.append(self);
  for (const auto& child : children) processes.append(child);
  return processes;
}

std::optional<TabState> tabStateFromName(const QString& name) {
  for (TabState state :
       {TabState::kLoading, TabState::kLoaded, TabState::kCrashed, TabState::kUnresponsive}) {
    if (name == QLatin1String(tabStateName(state))) return state;
  }
  return std::nullopt;
}

}  // namespace sb::browser
