#include "apps/browser/ui/inspector/ipc_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include "apps/browser/core/ipc_record_format.h"
#include "apps/browser/ui/state_text.h"

namespace sb::browser {

IpcTableModel::IpcTableModel(size_t capacity, QObject* parent)
    : QAbstractTableModel(parent), capacity_(std::max<size_t>(capacity, 1)) {}

int IpcTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int IpcTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumnCount; }

QString IpcTableModel::processText(wire::ProcessKind kind, pid_t pid) {
  return QStringLiteral("%1 %2").arg(processKindText(kind)).arg(pid);
}

QString IpcTableModel::peerText(const IpcRecord& record) {
  const QString child = processText(record.process_kind, record.pid);
  return record.incoming ? tr("%1 → browser").arg(child) : tr("browser → %1").arg(child);
}

QString IpcTableModel::displayText(const IpcRecord& record, int column) const {
  switch (column) {
    case kIndex: return QString::number(record.index);
    case kTime: {
      const double seconds = record.time_ns >= origin_ns_ ? (record.time_ns - origin_ns_) / 1e9 : 0.0;
      return QString::number(seconds, 'f', 3);
    }
    case kDirection: return record.incoming ? tr("in") : tr("out");
    case kPeer: return peerText(record);
    case kTab: return record.tab_id ? QString::number(record.tab_id) : QString();
    case kKind: return QString::fromStdString(record.kind);
    case kBytes: return QString::number(record.bytes);
    case kSeq: return record.seq ? QString::number(record.seq) : QString();
    case kLatency:
      return record.latency_ns ? QString::number(record.latency_ns / 1e6, 'f', 2) + tr(" ms") : QString();
    case kSummary:
      if (record.bad()) return tr("BAD: %1").arg(QString::fromStdString(record.note));
      return record.payload ? QString::fromStdString(bodySummary(record.payload)) : QString();
  }
  return {};
}

QVariant IpcTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() < 0 || static_cast<size_t>(index.row()) >= rows_.size()) return {};
  const IpcRecord& record = rows_[static_cast<size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole: return displayText(record, index.column());
    case Qt::ToolTipRole:
      if (record.bad()) return tr("Bad message: %1").arg(QString::fromStdString(record.note));
      return index.column() == kSummary ? displayText(record, kSummary) : QVariant();
    case Qt::ForegroundRole:
      if (record.bad()) return QBrush(QColor(0xb0, 0x00, 0x20));
      return {};
    case Qt::BackgroundRole:
      if (record.bad()) return QBrush(QColor(0xff, 0xe4, 0xe4));
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() == kIndex || index.column() == kTime || index.column() == kBytes ||
          index.column() == kSeq || index.column() == kLatency) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      }
      return {};
  }
  return {};
}

QVariant IpcTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kIndex: return tr("#");
    case kTime: return tr("Time (s)");
    case kDirection: return tr("Dir");
    case kPeer: return tr("From → To");
    case kTab: return tr("Tab");
    case kKind: return tr("Kind");
    case kBytes: return tr("Bytes");
    case kSeq: return tr("Seq");
    case kLatency: return tr("Latency");
    case kSummary: return tr("Body");
  }
  return {};
}

void IpcTableModel::appendBatch(std::vector<IpcRecord> records) {
  if (records.empty()) return;
  // A batch larger than the whole capacity keeps only its newest part.
  if (records.size() > capacity_) {
    const size_t skip = records.size() - capacity_;
    dropped_rows_ += skip;
    records.erase(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(skip));
  }
  const size_t overflow = rows_.size() + records.size() > capacity_ ? rows_.size() + records.size() - capacity_ : 0;
  if (overflow > 0) {
    beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
    rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(overflow));
    dropped_rows_ += overflow;
    endRemoveRows();
  }
  for (const IpcRecord& record : records) {
    ++counts_[record.pid];
    if (processes_.emplace(record.pid, record.process_kind).second) emit processSeen(record.pid);
    if (record.tab_id != 0 && tabs_.insert(record.tab_id).second) emit tabSeen(static_cast<int>(record.tab_id));
  }
  const int first = static_cast<int>(rows_.size());
  beginInsertRows({}, first, first + static_cast<int>(records.size()) - 1);
  for (IpcRecord& record : records) rows_.push_back(std::move(record));
  endInsertRows();
}

void IpcTableModel::clear() {
  beginResetModel();
  rows_.clear();
  dropped_rows_ = 0;
  endResetModel();
}

void IpcTableModel::setCapacity(size_t capacity) {
  capacity_ = std::max<size_t>(capacity, 1);
  if (rows_.size() > capacity_) {
    const size_t overflow = rows_.size() - capacity_;
    beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
    rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(overflow));
    dropped_rows_ += overflow;
    endRemoveRows();
  }
}

std::map<pid_t, uint64_t> IpcTableModel::takeCounts() {
  std::map<pid_t, uint64_t> counts;
  counts.swap(counts_);
  return counts;
}

}  // namespace sb::browser
