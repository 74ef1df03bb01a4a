#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

#include "apps/browser/core/ipc_log.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTableView;
class QToolButton;

namespace sb::browser {

class ChildLog;
class ChildLogFilter;
class ChildLogModel;
class IpcFilterProxy;
class IpcTableModel;
class TrafficChart;

// The IPC inspector: every message that crosses the browser, live, one row each, with the
// decoded body and the frame's bytes of the selected one; the children's log lines; a traffic
// chart. It copies from the browser's logs in batches on a timer, so a flood of messages costs
// the UI one model update per tick. It can also show a log file saved earlier, offline.
class IpcInspector : public QWidget {
  Q_OBJECT

 public:
  struct Options {
    size_t capacity = 100'000;
    int pull_interval_ms = 100;
  };
  // Where live traffic comes from: the browser's logs (or, in a benchmark, a generator's).
  // Without an IPC log the inspector only shows files.
  struct Sources {
    const IpcLog* ipc = nullptr;
    const ChildLog* children = nullptr;
    uint64_t origin_ns = 0;  // CLOCK_MONOTONIC time shown as 0.000
  };

  IpcInspector(Sources sources, Options options, QWidget* parent = nullptr);

  // Shows the records of a JSON Lines log instead of the live traffic; false and why when the
  // file cannot be read at all. Lines that could not be read are counted in the banner.
  bool loadFile(const QString& path, QString* error);
  // Back to the browser's traffic (everything still in its log).
  void showLive();
  bool isOffline() const { return offline_; }
  // Writes the shown rows, or only the selected ones, as JSON Lines.
  bool exportTo(const QString& path, bool selected_only, QString* error) const;

  void setPaused(bool paused);
  bool isPaused() const;
  void setFollow(bool follow);
  void clear();
  void filterByPid(std::optional<pid_t> pid);
  void filterByTab(std::optional<int> tab_id);
  // Takes in whatever the browser logged since the last pull (the timer does this on its own).
  void pullNow();

  IpcTableModel* model() const { return model_; }
  IpcFilterProxy* proxy() const { return proxy_; }
  QTableView* table() const { return table_; }
  QPlainTextEdit* bodyView() const { return body_text_; }
  QPlainTextEdit* jsonView() const { return body_json_; }
  QPlainTextEdit* hexView() const { return hex_; }
  QLabel* detailHeader() const { return detail_header_; }
  QTableView* logTable() const { return log_table_; }
  ChildLogModel* logModel() const { return log_model_; }
  ChildLogFilter* logFilter() const { return log_filter_; }
  QComboBox* logLevelFilter() const { return log_level_; }
  TrafficChart* chart() const { return chart_; }
  QTabWidget* tabs() const { return tabs_; }
  QLabel* status() const { return status_; }
  QLabel* banner() const { return banner_; }

 private:
  QWidget* buildMessagesTab();
  QWidget* buildLogsTab();
  void addProcessFilterItem(qint64 pid);
  void addTabFilterItem(int tab_id);
  void showRecord(const QModelIndex& proxy_index);
  void sampleTraffic();
  void updateStatus();
  void exportWithDialog(bool selected_only);
  void openWithDialog();

  Sources sources_;
  Options options_;
  IpcTableModel* model_;
  IpcFilterProxy* proxy_;
  ChildLogModel* log_model_;
  ChildLogFilter* log_filter_;
  QTabWidget* tabs_;
  QTableView* table_;
  QTableView* log_table_;
  QComboBox* process_filter_;
  QComboBox* tab_filter_;
  QComboBox* kind_filter_;
  QComboBox* log_level_;
  QLineEdit* search_;
  QCheckBox* bad_only_;
  QToolButton* pause_;
  QToolButton* follow_;
  QLabel* detail_header_;
  QPlainTextEdit* body_text_;
  QPlainTextEdit* body_json_;
  QPlainTextEdit* hex_;
  QLabel* banner_;
  QLabel* status_;
  TrafficChart* chart_;
  QTimer pull_timer_;
  QTimer chart_timer_;
  QElapsedTimer since_sample_;
  uint64_t last_ipc_index_ = 0;
  uint64_t last_log_index_ = 0;
  uint64_t missed_ = 0;  // messages the browser's log dropped before the inspector read them
  bool offline_ = false;
  QString offline_source_;
};

}  // namespace sb::browser
