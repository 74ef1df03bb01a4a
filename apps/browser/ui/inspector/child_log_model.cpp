#include "apps/browser/ui/inspector/child_log_model.h"

#include <QBrush>
#include <QColor>

#include "apps/browser/ui/inspector/ipc_table_model.h"

namespace sb::browser {

ChildLogModel::ChildLogModel(size_t capacity, QObject* parent)
    : QAbstractTableModel(parent), capacity_(std::max<size_t>(capacity, 1)) {}

int ChildLogModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ChildLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumnCount; }

QVariant ChildLogModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || static_cast<size_t>(index.row()) >= rows_.size()) return {};
  const ChildLogEntry& entry = rows_[static_cast<size_t>(index.row())];
  if (role == Qt::ForegroundRole) {
    if (entry.level >= wire::LOG_LEVEL_ERROR) return QBrush(QColor(0xb0, 0x00, 0x20));
    if (entry.level == wire::LOG_LEVEL_WARN) return QBrush(QColor(0x9a, 0x60, 0x00));
    return {};
  }
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  switch (index.column()) {
    case kTime:
      return QString::number(entry.time_ns >= origin_ns_ ? (entry.time_ns - origin_ns_) / 1e9 : 0.0, 'f', 3);
    case kProcess: return IpcTableModel::processText(entry.process_kind, entry.pid);
    case kTab: return entry.tab_id ? QString::number(entry.tab_id) : QString();
    case kLevel: return QLatin1String(logLevelName(entry.level));
    case kLogger: return QString::fromStdString(entry.logger);
    case kText: return QString::fromStdString(entry.text);
  }
  return {};
}

QVariant ChildLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kTime: return tr("Time (s)");
    case kProcess: return tr("Process");
    case kTab: return tr("Tab");
    case kLevel: return tr("Level");
    case kLogger: return tr("Logger");
    case kText: return tr("Text");
  }
  return {};
}

void ChildLogModel::appendBatch(std::vector<ChildLogEntry> entries) {
  if (entries.empty()) return;
  if (entries.size() > capacity_) {
    entries.erase(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(entries.size() - capacity_));
  }
  const size_t total = rows_.size() + entries.size();
  if (total > capacity_) {
    const size_t overflow = total - capacity_;
    beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
    rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(overflow));
    endRemoveRows();
  }
  const int first = static_cast<int>(rows_.size());
  beginInsertRows({}, first, first + static_cast<int>(entries.size()) - 1);
  for (ChildLogEntry& entry : entries) rows_.push_back(std::move(entry));
  endInsertRows();
}

void ChildLogModel::clear() {
  beginResetModel();
  rows_.clear();
  endResetModel();
}

void ChildLogFilter::setMinimumLevel(wire::LogLevel level) {
  minimum_ = level;
  invalidateFilter();
}

void ChildLogFilter::setText(const QString& text) {
  text_ = text.trimmed();
  invalidateFilter();
}

bool ChildLogFilter::filterAcceptsRow(int source_row, const QModelIndex&) const {
  const ChildLogEntry& entry = static_cast<const ChildLogModel*>(sourceModel())->entry(source_row);
  if (entry.level < minimum_) return false;
  return text_.isEmpty() || QString::fromStdString(entry.text).contains(text_, Qt::CaseInsensitive) ||
         QString::fromStdString(entry.logger).contains(text_, Qt::CaseInsensitive);
}

}  // namespace sb::browser
