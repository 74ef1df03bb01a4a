#include "apps/browser/ui/task_manager.h"

#include <signal.h>
#include <unistd.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/process_host.h"
#include "apps/browser/core/process_info.h"
#include "apps/browser/ui/state_text.h"
#include "common/base/clock.h"

namespace sb::browser {
namespace {

constexpr int kTabRole = Qt::UserRole + 1;  // tab rows carry their tab id
constexpr int kPidRole = Qt::UserRole + 2;  // process rows carry their pid

QString kbText(std::optional<long> kb) {
  return kb ? QStringLiteral("%1 MB").arg(static_cast<double>(*kb) / 1024.0, 0, 'f', 1) : QStringLiteral("-");
}

QString uptimeText(uint64_t launched_ns) {
  if (!launched_ns) return QStringLiteral("-");
  const uint64_t seconds = (monotonicNowNs() - launched_ns) / 1'000'000'000;
  return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString sandboxText(const ProcessHost& host) {
  const auto status = host.sandboxStatus();
  if (!status.enabled()) return TaskManager::tr("off");
  const auto engaged = std::count_if(status.layers().begin(), status.layers().end(),
                                     [](const auto& layer) { return layer.engaged(); });
  return QStringLiteral("%1/%2").arg(engaged).arg(status.layers_size());
}

QString hostStateText(const ProcessHost& host) {
  switch (host.state()) {
    case ProcessHost::State::kNotStarted:
    case ProcessHost::State::kLaunching:
      return TaskManager::tr("launching");
    case ProcessHost::State::kHandshaking:
      return TaskManager::tr("starting");
    case ProcessHost::State::kRunning:
      return TaskManager::tr("running");
    case ProcessHost::State::kExited:
      return TaskManager::tr("exited");
    case ProcessHost::State::kLaunchFailed:
      return TaskManager::tr("failed");
  }
  return TaskManager::tr("unknown");
}

}  // namespace

TaskManager::TaskManager(Browser& browser, QWidget* parent) : QDialog(parent), browser_(browser) {
  setWindowTitle(tr("Task manager - Sandbrowser"));
  setObjectName(QStringLiteral("taskManager"));
  tree_ = new QTreeWidget(this);
  tree_->setHeaderLabels({tr("Process"), tr("PID"), tr("State"), tr("CPU %"), tr("RSS"), tr("PSS"), tr("Msgs in/s"),
                          tr("Msgs out/s"), tr("KB in/s"), tr("Sandbox"), tr("Uptime"), tr("Crashes")});
  tree_->setRootIsDecorated(true);
  tree_->setUniformRowHeights(true);
  tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  end_button_ = new QPushButton(tr("End process"), this);
  end_button_->setEnabled(false);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(end_button_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tree_, 1);
  layout->addLayout(buttons);
  resize(900, 360);

  connect(end_button_, &QPushButton::clicked, this, &TaskManager::endSelected);
  connect(tree_, &QTreeWidget::itemSelectionChanged, this, [this] {
    const auto items = tree_->selectedItems();
    end_button_->setEnabled(!items.isEmpty() && items.first()->data(0, kPidRole).toLongLong() > 0 &&
                            items.first()->data(0, kPidRole).toLongLong() != ::getpid());
  });
  connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    if (item->data(0, kTabRole).isValid()) emit tabActivated(item->data(0, kTabRole).toInt());
  });
  connect(&timer_, &QTimer::timeout, this, &TaskManager::refresh);
  clock_.start();
}

void TaskManager::showEvent(QShowEvent* event) {
  QDialog::showEvent(event);
  refresh();
  timer_.start(1000);
}

void TaskManager::hideEvent(QHideEvent* event) {
  timer_.stop();
  QDialog::hideEvent(event);
}

QTreeWidgetItem* TaskManager::rowForPid(qint64 pid) const {
  for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
    if (tree_->topLevelItem(i)->data(0, kPidRole).toLongLong() == pid) return tree_->topLevelItem(i);
  }
  return nullptr;
}

QTreeWidgetItem* TaskManager::addProcess(qint64 pid, const QString& name, const QString& state,
                                         const ProcessHost* host, const QString& crashes) {
  auto* item = new QTreeWidgetItem(tree_);
  item->setText(kName, name);
  item->setData(0, kPidRole, pid);
  item->setText(kPid, pid > 0 ? QString::number(pid) : QStringLiteral("-"));
  item->setText(kState, state);
  item->setText(kCrashes, crashes);
  // Rows without a host (the browser, the zygote) are only listed while they live.
  const bool alive = pid > 0 && (!host || host->alive());
  item->setText(kRss, alive ? kbText(residentSetKb(static_cast<pid_t>(pid))) : QStringLiteral("-"));
  item->setText(kPss, alive ? kbText(proportionalSetKb(static_cast<pid_t>(pid))) : QStringLiteral("-"));
  item->setText(kSandbox, host ? sandboxText(*host) : tr("none (trusted)"));
  item->setText(kUptime, host ? uptimeText(host->launchedAtNs()) : QStringLiteral("-"));

  // Rates from the previous refresh's sample of the same pid.
  Sample now;
  now.at_ms = clock_.elapsed();
  if (auto ticks = alive ? cpuTicks(static_cast<pid_t>(pid)) : std::nullopt) now.cpu_ticks = *ticks;
  if (host && host->channelStats()) now.stats = *host->channelStats();
  auto before = samples_.find(pid);
  if (before != samples_.end() && now.at_ms > before->second.at_ms && alive) {
    const double seconds = static_cast<double>(now.at_ms - before->second.at_ms) / 1000.0;
    const double ticks_per_second = static_cast<double>(::sysconf(_SC_CLK_TCK));
    const double cpu = static_cast<double>(now.cpu_ticks - before->second.cpu_ticks) / ticks_per_second / seconds * 100;
    item->setText(kCpu, QString::number(cpu, 'f', 1));
    auto rate = [&](uint64_t after, uint64_t earlier) { return static_cast<double>(after - earlier) / seconds; };
    item->setText(kMessagesIn, QString::number(rate(now.stats.messages_in, before->second.stats.messages_in), 'f', 0));
    item->setText(kMessagesOut, QString::number(rate(now.stats.messages_out, before->second.stats.messages_out), 'f', 0));
    item->setText(kBytesIn, QString::number(rate(now.stats.bytes_in, before->second.stats.bytes_in) / 1024.0, 'f', 1));
  } else {
    for (int column : {kCpu, kMessagesIn, kMessagesOut, kBytesIn}) item->setText(column, QStringLiteral("-"));
  }
  next_samples_[pid] = now;
  return item;
}

void TaskManager::refresh() {
  const qint64 selected = tree_->selectedItems().isEmpty() ? 0 : tree_->selectedItems().first()->data(0, kPidRole).toLongLong();
  tree_->clear();
  next_samples_.clear();
  QTreeWidgetItem* browser_row = addProcess(::getpid(), tr("Browser"), tr("running"), nullptr, QStringLiteral("-"));
  for (const ProcessHost* host : browser_.renderers()) {
    const auto tabs = browser_.tabsOf(host);
    if (host->inProcess()) {
      // Single-process model: a thread has no figures of its own; they are the browser's.
      auto* row = new QTreeWidgetItem(browser_row);
      row->setText(kName, tr("Renderer thread"));
      row->setText(kState, hostStateText(*host));
      row->setText(kSandbox, tr("none (a thread of the browser)"));
      row->setToolTip(kName, tr("Runs inside the browser process: it cannot be ended on its own, and its crash ends the browser"));
      addTabRows(row, tabs);
      continue;
    }
    // Shared per site or past the process limit: one row, its tabs under it, its figures counted once.
    const QString name = tabs.size() > 1 ? tr("Renderer (shared by %n tabs)", "", static_cast<int>(tabs.size()))
                                         : tr("Renderer");
    QTreeWidgetItem* row =
        addProcess(host->pid(), name, hostStateText(*host), host, QStringLiteral("-"));
    addTabRows(row, tabs);
  }
  if (const ZygoteHost* zygote = browser_.zygote(); zygote && zygote->live()) {
    QTreeWidgetItem* row = addProcess(zygote->pid(), tr("Zygote (renderers forked: %n)", "", static_cast<int>(zygote->forks())),
                                      zygote->ready() ? tr("running") : tr("starting"), nullptr, QStringLiteral("-"));
    row->setText(kSandbox, tr("namespaces only"));
    row->setToolTip(kSandbox, tr("It must still fork and create namespaces; each renderer it forks engages every layer itself"));
  }
  const GpuHost& gpu = browser_.gpu();
  if (const ProcessHost* host = gpu.process()) {
    addProcess(host->pid(), tr("GPU process"),
               gpu.softwareFallback() ? tr("software fallback") : gpuModeText(gpu.mode()), host,
               QString::number(gpu.totalCrashes()));
  }
  for (const auto& plugin : browser_.plugins().types()) {
    if (!plugin.process) continue;
    QTreeWidgetItem* row = addProcess(
        plugin.process->pid(),
        tr("Plugin: %1 (boxes: %n)", "", plugin.instances).arg(QString::fromStdString(plugin.type)),
        plugin.crashed ? tr("crashed") : hostStateText(*plugin.process), plugin.process,
        QString::number(plugin.crashes));
    if (plugin.crashed) row->setToolTip(kState, plugin.crash_reason);
  }
  samples_ = std::move(next_samples_);
  tree_->expandAll();
  if (QTreeWidgetItem* row = selected ? rowForPid(selected) : nullptr) row->setSelected(true);
}

void TaskManager::addTabRows(QTreeWidgetItem* parent, const std::vector<int>& tabs) {
  for (int id : tabs) {
    const Tab* tab = browser_.tab(id);
    auto* child = new QTreeWidgetItem(parent);
    child->setText(kName, tab ? tr("Tab: %1").arg(tab->title) : tr("Tab %1").arg(id));
    child->setData(0, kTabRole, id);
    if (tab) child->setText(kState, tabStateText(tab->state));
  }
}

void TaskManager::endSelected() {
  const auto items = tree_->selectedItems();
  if (items.isEmpty()) return;
  const qint64 pid = items.first()->data(0, kPidRole).toLongLong();
  if (pid <= 0) return;
  browser_.killPid(pid, SIGKILL);
  refresh();
}

}  // namespace sb::browser
