#pragma once

#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>
#include <QTreeWidget>
#include <map>
#include <vector>

#include "common/ipc/channel.h"

class QPushButton;

namespace sb::browser {

class Browser;
class ProcessHost;

// Chrome's task manager (Shift+Esc): one row per process — the browser, each renderer with the
// tabs it hosts under it, the GPU process, each plugin process — with CPU, memory (RSS and PSS
// from /proc), IPC traffic per second, sandbox layers, uptime and crashes, refreshed every second.
// End process kills the selected one; double-clicking a tab row brings that tab forward.
class TaskManager : public QDialog {
  Q_OBJECT

 public:
  enum Column { kName, kPid, kState, kCpu, kRss, kPss, kMessagesIn, kMessagesOut, kBytesIn, kSandbox, kUptime, kCrashes };

  explicit TaskManager(Browser& browser, QWidget* parent = nullptr);

  QTreeWidget* tree() const { return tree_; }
  // The row of `pid`, or null.
  QTreeWidgetItem* rowForPid(qint64 pid) const;
  void refresh();

 signals:
  void tabActivated(int tab_id);

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  struct Sample {
    uint64_t cpu_ticks = 0;
    ipc::ChannelStats stats;
    qint64 at_ms = 0;
  };

  // A row per tab, under the row of the renderer that hosts them.
  void addTabRows(QTreeWidgetItem* parent, const std::vector<int>& tabs);
  QTreeWidgetItem* addProcess(qint64 pid, const QString& name, const QString& state, const ProcessHost* host,
                              const QString& crashes);
  void endSelected();

  Browser& browser_;
  QTreeWidget* tree_;
  QPushButton* end_button_;
  QTimer timer_;
  QElapsedTimer clock_;
  std::map<qint64, Sample> samples_;
  std::map<qint64, Sample> next_samples_;
};

}  // namespace sb::browser
