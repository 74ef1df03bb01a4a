#include "apps/browser/ui/inspector/ipc_filter_proxy.h"

#include <algorithm>
#include <cctype>

#include "apps/browser/core/process_host.h"
#include "apps/browser/ui/state_text.h"

namespace sb::browser {

namespace {
std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool containsLowered(const std::string& haystack, const std::string& lowered_needle) {
  return lowered(haystack).find(lowered_needle) != std::string::npos;
}
}  // namespace

IpcFilterProxy::IpcFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
  // New rows are filtered as they arrive; the view is never sorted, so order is the log's.
  setDynamicSortFilter(true);
}

void IpcFilterProxy::setPid(std::optional<pid_t> pid) {
  if (pid_ == pid) return;
  pid_ = pid;
  invalidateFilter();
}

void IpcFilterProxy::setTab(std::optional<uint32_t> tab_id) {
  if (tab_ == tab_id) return;
  tab_ = tab_id;
  invalidateFilter();
}

void IpcFilterProxy::setKind(const QString& kind) {
  std::string wanted = kind.toStdString();
  if (wanted == kind_) return;
  kind_ = std::move(wanted);
  invalidateFilter();
}

void IpcFilterProxy::setText(const QString& text) {
  std::string wanted = text.trimmed().toStdString();
  if (wanted == text_) return;
  text_ = std::move(wanted);
  text_lower_ = lowered(text_);
  text_kinds_.clear();
  for (wire::ProcessKind kind : {wire::PROCESS_KIND_BROWSER, wire::PROCESS_KIND_RENDERER,
                                 wire::PROCESS_KIND_GPU, wire::PROCESS_KIND_PLUGIN}) {
    if (!text.trimmed().isEmpty() &&
        processKindText(kind).contains(text.trimmed(), Qt::CaseInsensitive)) {
      text_kinds_.push_back(kind);
    }
  }
  invalidateFilter();
}

void IpcFilterProxy::setBadOnly(bool bad_only) {
  if (bad_only_ == bad_only) return;
  bad_only_ = bad_only;
  invalidateFilter();
}

bool IpcFilterProxy::matchesText(const IpcRecord& record) const {
  if (containsLowered(record.kind, text_lower_) || containsLowered(record.note, text_lower_)) return true;
  if (containsLowered(processKindName(record.process_kind), text_lower_)) return true;
  if (std::find(text_kinds_.begin(), text_kinds_.end(), record.process_kind) != text_kinds_.end())
    return true;
  if (std::to_string(record.pid) == text_) return true;
  return record.payload && record.payload->find(text_) != std::string::npos;
}

bool IpcFilterProxy::filterAcceptsRow(int source_row, const QModelIndex&) const {
  const auto* model = static_cast<const IpcTableModel*>(sourceModel());
  const IpcRecord& record = model->record(source_row);
  if (pid_ && record.pid != *pid_) return false;
  if (tab_ && record.tab_id != *tab_) return false;
  if (!kind_.empty() && record.kind != kind_) return false;
  if (bad_only_ && !record.bad()) return false;
  return text_.empty() || matchesText(record);
}

}  // namespace sb::browser
