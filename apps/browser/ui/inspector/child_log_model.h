#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <deque>
#include <vector>

#include "apps/browser/core/child_log.h"

namespace sb::browser {

// The children's forwarded log lines, bounded, appended in batches like the message table.
class ChildLogModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kTime, kProcess, kTab, kLevel, kLogger, kText, kColumnCount };

  explicit ChildLogModel(size_t capacity = 20'000, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  void appendBatch(std::vector<ChildLogEntry> entries);
  void clear();
  void setTimeOrigin(uint64_t origin_ns) { origin_ns_ = origin_ns; }
  const ChildLogEntry& entry(int row) const { return rows_[static_cast<size_t>(row)]; }

 private:
  size_t capacity_;
  std::deque<ChildLogEntry> rows_;
  uint64_t origin_ns_ = 0;
};

// Shows lines at or above a level that contain a text.
class ChildLogFilter : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  void setMinimumLevel(wire::LogLevel level);
  void setText(const QString& text);

 protected:
  bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;

 private:
  wire::LogLevel minimum_ = wire::LOG_LEVEL_TRACE;
  QString text_;
};

}  // namespace sb::browser
