#include "apps/browser/ui/process_map.h"

#include <unistd.h>

#include <QMouseEvent>
#include <QPainter>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <tuple>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/process_host.h"

namespace sb::browser {
namespace {

constexpr int kRefreshMs = 200;
constexpr qint64 kGhostMs = 4000;  // how long an exited child stays on the map
constexpr double kNodeWidth = 112;
constexpr double kNodeHeight = 38;

QColor hostColour(const ProcessHost& host) {
  switch (host.state()) {
    case ProcessHost::State::kRunning: return ProcessMap::kRunning;
    case ProcessHost::State::kExited:
    case ProcessHost::State::kLaunchFailed: return ProcessMap::kExited;
    case ProcessHost::State::kNotStarted:
    case ProcessHost::State::kLaunching:
    case ProcessHost::State::kHandshaking: return ProcessMap::kStarting;
  }
  return ProcessMap::kUnknown;
}

QString tabsLine(const std::vector<int>& tabs) {
  if (tabs.empty()) return {};
  QStringList ids;
  for (int id : tabs) ids << QString::number(id);
  return (tabs.size() == 1 ? ProcessMap::tr("tab %1") : ProcessMap::tr("tabs %1")).arg(ids.join(QStringLiteral(", ")));
}

}  // namespace

ProcessMap::ProcessMap(Browser& browser, QWidget* parent) : QWidget(parent), browser_(browser) {
  setObjectName(QStringLiteral("processMap"));
  setAttribute(Qt::WA_OpaquePaintEvent);
  setToolTip(tr("Click a process to show it in the task manager"));
  clock_.start();
  timer_.setInterval(kRefreshMs);
  connect(&timer_, &QTimer::timeout, this, &ProcessMap::refresh);
  // The crashed renderer is gone from the browser's list by the time the map looks again; its pid
  // is on the tab, so remember it here to show it red for a moment.
  connect(&browser_, &Browser::tabCrashed, this, [this](int tab_id) {
    const Tab* tab = browser_.tab(tab_id);
    if (!tab || tab->crashed_pid <= 0) return;
    QString label = tr("renderer %1").arg(tab->crashed_pid) + QLatin1Char('\n') + tabsLine({tab_id});
    for (const Entry& entry : entries_) {
      if (entry.node.pid == tab->crashed_pid && entry.kind == Kind::kRenderer) label = entry.node.label;
    }
    remember(tab->crashed_pid, Kind::kRenderer, label);
    if (isVisible()) refresh();
  });
  connect(&browser_, &Browser::renderersChanged, this, [this] {
    if (isVisible()) refresh();
  });
  refresh();
}

std::vector<ProcessMap::Node> ProcessMap::nodes() const {
  std::vector<Node> nodes;
  for (const Entry& entry : entries_) nodes.push_back(entry.node);
  return nodes;
}

void ProcessMap::remember(qint64 pid, Kind kind, const QString& label) {
  if (pid <= 0) return;
  auto [it, inserted] = ghosts_.try_emplace(pid, Ghost{kind, label, 0});
  it->second.until_ms = clock_.elapsed() + kGhostMs;
  (void)inserted;
}

void ProcessMap::refresh() {
  const qint64 now = clock_.elapsed();
  std::vector<Entry> entries;
  std::map<qint64, uint64_t> messages;
  std::map<qint64, double> pulses;
  auto add = [&](Kind kind, qint64 pid, const QString& label, const QColor& colour, const ProcessHost* host) {
    Entry entry{kind, Node{pid, label, colour, {}}};
    if (const ipc::ChannelStats* stats = host ? host->channelStats() : nullptr; stats && pid > 0) {
      const uint64_t total = stats->messages_in + stats->messages_out;
      auto before = messages_.find(pid);
      const double decayed = pulses_.count(pid) ? pulses_[pid] * 0.5 : 0.0;
      entry.pulse = before != messages_.end() && total > before->second ? 1.0 : (decayed < 0.05 ? 0.0 : decayed);
      messages[pid] = total;
      pulses[pid] = entry.pulse;
    }
    entries.push_back(std::move(entry));
  };

  add(Kind::kBrowser, ::getpid(), tr("browser %1").arg(::getpid()), kRunning, nullptr);
  for (const ProcessHost* host : browser_.renderers()) {
    const auto tabs = browser_.tabsOf(host);
    QColor colour = hostColour(*host);
    if (host->state() == ProcessHost::State::kRunning &&
        std::any_of(tabs.begin(), tabs.end(), [this](int id) {
          const Tab* tab = browser_.tab(id);
          return tab && tab->state == TabState::kUnresponsive;
        })) {
      colour = kUnresponsive;
    }
    const QString name = host->pid() > 0 ? tr("renderer %1").arg(host->pid()) : tr("renderer (starting)");
    const QString tab_text = tabsLine(tabs);
    add(Kind::kRenderer, host->pid(), tab_text.isEmpty() ? name : name + QLatin1Char('\n') + tab_text, colour, host);
  }
  const GpuHost& gpu = browser_.gpu();
  if (const ProcessHost* host = gpu.process()) {
    QString label = host->pid() > 0 ? tr("GPU %1").arg(host->pid()) : tr("GPU (starting)");
    if (gpu.softwareFallback()) label += QLatin1Char('\n') + tr("software fallback");
    add(Kind::kGpu, host->pid(), label, hostColour(*host), host);
  }
  for (const auto& plugin : browser_.plugins().types()) {
    if (!plugin.process) continue;
    const QString label = tr("plugin %1").arg(plugin.process->pid()) + QLatin1Char('\n') +
                          QString::fromStdString(plugin.type);
    add(Kind::kPlugin, plugin.process->pid(), label, plugin.crashed ? kExited : hostColour(*plugin.process),
        plugin.process);
  }

  // A child that was on the map and is gone has exited: keep it, red, for a moment.
  std::set<qint64> live;
  for (const Entry& entry : entries) live.insert(entry.node.pid);
  for (const Entry& entry : entries_) {
    if (!entry.ghost && entry.kind != Kind::kBrowser && !live.count(entry.node.pid)) {
      remember(entry.node.pid, entry.kind, entry.node.label);
    }
  }
  for (auto it = ghosts_.begin(); it != ghosts_.end();) {
    if (it->second.until_ms <= now || live.count(it->first)) {
      it = ghosts_.erase(it);
      continue;
    }
    Entry entry{it->second.kind, Node{it->first, it->second.label, kExited, {}}};
    entry.ghost = true;
    entries.push_back(std::move(entry));
    ++it;
  }

  // A stable order round the circle: renderers, GPU, plugins, each by pid.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tuple(static_cast<int>(a.kind), a.node.pid) < std::tuple(static_cast<int>(b.kind), b.node.pid);
  });
  entries_ = std::move(entries);
  messages_ = std::move(messages);
  pulses_ = std::move(pulses);
  layoutNodes();
  update();
}

void ProcessMap::layoutNodes() {
  const QPointF centre = QRectF(rect()).center() + QPointF(0, 6);
  const double radius = std::max(40.0, std::min(width() / 2.0 - kNodeWidth / 2 - 8, height() / 2.0 - kNodeHeight / 2 - 28));
  const size_t children = entries_.empty() ? 0 : entries_.size() - 1;
  size_t index = 0;
  for (Entry& entry : entries_) {
    if (entry.kind == Kind::kBrowser) {
      entry.node.centre = centre;
      continue;
    }
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(index++) /
                                                     static_cast<double>(std::max<size_t>(children, 1));
    entry.node.centre = centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
  }
}

QRectF ProcessMap::nodeRect(const Node& node) {
  return {node.centre.x() - kNodeWidth / 2, node.centre.y() - kNodeHeight / 2, kNodeWidth, kNodeHeight};
}

void ProcessMap::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.fillRect(rect(), palette().base());

  const Entry* hub = nullptr;
  for (const Entry& entry : entries_) {
    if (entry.kind == Kind::kBrowser) hub = &entry;
  }
  // Edges first, under the nodes; a channel that carried messages is drawn thick and bright.
  if (hub) {
    for (const Entry& entry : entries_) {
      if (&entry == hub) continue;
      QColor colour = entry.ghost ? kExited : QColor(0x9a, 0xa0, 0xa6);
      if (!entry.ghost && entry.pulse > 0) colour = kStarting;
      colour.setAlphaF(entry.ghost ? 0.6f : static_cast<float>(0.45 + 0.55 * entry.pulse));
      QPen pen(colour, 1.5 + 3.5 * entry.pulse);
      if (entry.ghost) pen.setStyle(Qt::DashLine);
      painter.setPen(pen);
      painter.drawLine(hub->node.centre, entry.node.centre);
    }
  }

  QFont font = painter.font();
  font.setPointSizeF(8.5);
  painter.setFont(font);
  for (const Entry& entry : entries_) {
    const QRectF box = nodeRect(entry.node);
    painter.setPen(QPen(entry.node.colour.darker(130), entry.kind == Kind::kBrowser ? 2.5 : 1));
    painter.setBrush(entry.ghost ? entry.node.colour.lighter(115) : entry.node.colour);
    painter.drawRoundedRect(box, 8, 8);
    painter.setPen(Qt::white);
    QFont label_font = font;
    label_font.setBold(entry.kind == Kind::kBrowser);
    label_font.setStrikeOut(entry.ghost);
    painter.setFont(label_font);
    painter.drawText(box, Qt::AlignCenter, entry.node.label);
  }

  // Legend along the bottom.
  painter.setFont(font);
  const std::pair<QColor, QString> legend[] = {
      {kRunning, tr("running")}, {kUnresponsive, tr("not responding")}, {kExited, tr("exited")},
      {kStarting, tr("starting")}};
  const QFontMetrics metrics(font);
  double x = 8;
  const double y = height() - 8 - metrics.height();
  for (const auto& [colour, text] : legend) {
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(x, y + (metrics.height() - 9) / 2.0, 9, 9));
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QPointF(x + 13, y + metrics.ascent()), text);
    x += 13 + metrics.horizontalAdvance(text) + 14;
  }
}

void ProcessMap::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  layoutNodes();
}

void ProcessMap::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (it->node.pid > 0 && nodeRect(it->node).contains(event->position())) {
      emit processSelected(it->node.pid);
      return;
    }
  }
}

void ProcessMap::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
  timer_.start();
}

void ProcessMap::hideEvent(QHideEvent* event) {
  timer_.stop();
  QWidget::hideEvent(event);
}

}  // namespace sb::browser
