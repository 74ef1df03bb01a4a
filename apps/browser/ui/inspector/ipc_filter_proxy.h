#pragma once

#include <QSortFilterProxyModel>
#include <optional>
#include <string>
#include <vector>

#include "apps/browser/ui/inspector/ipc_table_model.h"

namespace sb::browser {

// The inspector's filters: process, tab, kind, bad only, and free text. Text matches the kind,
// the process, the bad-message reason and any string inside the body: strings travel verbatim
// in Protobuf's encoding, so searching the serialized bytes finds URLs and page text without
// decoding 100 000 bodies on every keystroke.
class IpcFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit IpcFilterProxy(QObject* parent = nullptr);

  void setPid(std::optional<pid_t> pid);
  void setTab(std::optional<uint32_t> tab_id);
  void setKind(const QString& kind);  // empty: any
  void setText(const QString& text);
  void setBadOnly(bool bad_only);

  std::optional<pid_t> pid() const { return pid_; }
  std::optional<uint32_t> tab() const { return tab_; }

 protected:
  bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;

 private:
  bool matchesText(const IpcRecord& record) const;

  std::optional<pid_t> pid_;
  std::optional<uint32_t> tab_;
  std::string kind_;
  std::string text_;        // as typed
  std::string text_lower_;  // for the case-insensitive fields
  // The process kinds whose shown (translated) name contains the text.
  std::vector<wire::ProcessKind> text_kinds_;
  bool bad_only_ = false;
};

}  // namespace sb::browser
