#pragma once

#include <QWidget>
#include <cstdint>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTreeWidget;

namespace sb::browser {

class Browser;
struct CrashReport;

// The crash reports (Browser::crashReports()): a list, newest first, and for the selected report
// why it died, how long it ran, what it served, the backtrace it wrote itself and the last
// messages it exchanged with the browser. Follows Browser::crashReported.
class CrashesPanel : public QWidget {
  Q_OBJECT

 public:
  enum ListColumn { kTime, kKind, kPid, kReason };
  enum MessageColumn { kMessageTime, kDirection, kMessageKind, kBytes, kSeq, kNote };

  explicit CrashesPanel(const Browser& browser, QWidget* parent = nullptr);

  QTreeWidget* list() const { return list_; }
  QLabel* summary() const { return summary_; }
  QPlainTextEdit* backtrace() const { return backtrace_; }
  QTableWidget* messages() const { return messages_; }
  // The report shown in the details; 0 when none.
  uint64_t selectedId() const;
  void select(uint64_t id);

 private:
  void rebuildList();
  void showDetails();
  void fillMessages(const CrashReport& report);

  const Browser& browser_;
  QTreeWidget* list_;
  QLabel* summary_;
  QPlainTextEdit* backtrace_;
  QTableWidget* messages_;
};

}  // namespace sb::browser
