#pragma once

#include <QAbstractTableModel>
#include <deque>
#include <map>
#include <set>
#include <vector>

#include "apps/browser/core/ipc_log.h"

namespace sb::browser {

// The inspector's rows: its own bounded copy of IpcRecords (bodies are shared with the browser's
// log, not copied), appended in batches so a flood of messages costs one insert per batch.
class IpcTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kIndex, kTime, kDirection, kPeer, kTab, kKind, kBytes, kSeq, kLatency, kSummary, kColumnCount };

  explicit IpcTableModel(size_t capacity = 100'000, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  // Oldest first; past the capacity the oldest rows go.
  void appendBatch(std::vector<IpcRecord> records);
  void clear();
  void setCapacity(size_t capacity);
  // Times are shown relative to this (CLOCK_MONOTONIC ns): the browser's start when live, the
  // first record of a loaded file.
  void setTimeOrigin(uint64_t origin_ns) { origin_ns_ = origin_ns; }

  const IpcRecord& record(int row) const { return rows_[static_cast<size_t>(row)]; }
  size_t capacity() const { return capacity_; }
  uint64_t droppedRows() const { return dropped_rows_; }
  // Every process and tab seen so far, for the filters.
  const std::map<pid_t, wire::ProcessKind>& processes() const { return processes_; }
  const std::set<uint32_t>& tabs() const { return tabs_; }
  // Messages per process seen since the last call, for the traffic chart.
  std::map<pid_t, uint64_t> takeCounts();

  static QString peerText(const IpcRecord& record);
  static QString processText(wire::ProcessKind kind, pid_t pid);

 signals:
  void processSeen(qint64 pid);
  void tabSeen(int tab_id);

 private:
  QString displayText(const IpcRecord& record, int column) const;

  size_t capacity_;
  std::deque<IpcRecord> rows_;
  uint64_t origin_ns_ = 0;
  uint64_t dropped_rows_ = 0;
  std::map<pid_t, wire::ProcessKind> processes_;
  std::set<uint32_t> tabs_;
  std::map<pid_t, uint64_t> counts_;
};

}  // namespace sb::browser
