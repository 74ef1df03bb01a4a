#include "apps/browser/ui/crashes_panel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/crash_reports.h"
#include "apps/browser/ui/state_text.h"

namespace sb::browser {
namespace {

constexpr int kIdRole = Qt::UserRole;

QString seconds(uint64_t ns) { return QString::number(static_cast<double>(ns) / 1e9, 'f', 1); }

QString uptimeText(uint64_t ns) {
  if (ns == 0) return CrashesPanel::tr("unknown");
  const uint64_t s = ns / 1'000'000'000;
  if (s == 0) return CrashesPanel::tr("%1 ms").arg(ns / 1'000'000);
  if (s < 60) return CrashesPanel::tr("%1 s").arg(seconds(ns));
  return CrashesPanel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

}  // namespace

CrashesPanel::CrashesPanel(const Browser& browser, QWidget* parent)
    : QWidget(parent), browser_(browser) {
  list_ = new QTreeWidget(this);
  list_->setObjectName(QStringLiteral("crashList"));
  list_->setHeaderLabels({tr("Time"), tr("Kind"), tr("PID"), tr("Reason")});
  list_->setRootIsDecorated(false);
  list_->setUniformRowHeights(true);
  list_->setSelectionMode(QAbstractItemView::SingleSelection);

  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("crashSummary"));
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  summary_->setWordWrap(true);
  summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

  backtrace_ = new QPlainTextEdit(this);
  backtrace_->setObjectName(QStringLiteral("crashBacktrace"));
  backtrace_->setReadOnly(true);
  backtrace_->setLineWrapMode(QPlainTextEdit::NoWrap);
  backtrace_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

  messages_ = new QTableWidget(0, 6, this);
  messages_->setObjectName(QStringLiteral("crashMessages"));
  messages_->setHorizontalHeaderLabels(
      {tr("Time"), tr("Direction"), tr("Kind"), tr("Bytes"), tr("Seq"), tr("Note")});
  messages_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  messages_->verticalHeader()->hide();
  messages_->horizontalHeader()->setStretchLastSection(true);

  auto* details = new QWidget(this);
  auto* details_layout = new QVBoxLayout(details);
  details_layout->setContentsMargins(0, 0, 0, 0);
  details_layout->addWidget(summary_);
  details_layout->addWidget(
      new QLabel(tr("Backtrace (written by the process itself as it died):"), details));
  details_layout->addWidget(backtrace_, 1);
  details_layout->addWidget(new QLabel(tr("Its last messages with the browser:"), details));
  details_layout->addWidget(messages_, 1);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(list_);
  splitter->addWidget(details);
  splitter->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(splitter);

  connect(list_, &QTreeWidget::itemSelectionChanged, this, &CrashesPanel::showDetails);
  connect(&browser_, &Browser::crashReported, this, &CrashesPanel::rebuildList);
  rebuildList();
}

uint64_t CrashesPanel::selectedId() const {
  const auto selected = list_->selectedItems();
  return selected.isEmpty() ? 0 : selected.first()->data(kTime, kIdRole).toULongLong();
}

void CrashesPanel::select(uint64_t id) {
  for (int i = 0; i < list_->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = list_->topLevelItem(i);
    if (item->data(kTime, kIdRole).toULongLong() == id) {
      list_->setCurrentItem(item);
      return;
    }
  }
}

// At most CrashReports' capacity rows, so rebuilding on each report is cheap; the selection stays
// on its report, or goes to the newest when there was none.
void CrashesPanel::rebuildList() {
  const uint64_t keep = selectedId();
  const QSignalBlocker blocker(list_);
  list_->clear();
  const auto& reports = browser_.crashReports().reports();
  for (auto it = reports.rbegin(); it != reports.rend(); ++it) {
    auto* item = new QTreeWidgetItem(list_);
    item->setText(kTime, it->time.toString(QStringLiteral("HH:mm:ss")));
    item->setText(kKind, processKindText(it->kind));
    item->setText(kPid, QString::number(it->pid));
    item->setText(kReason, it->reason);
    item->setToolTip(kReason, it->reason);
    item->setData(kTime, kIdRole, QVariant::fromValue<qulonglong>(it->id));
  }
  if (keep != 0) select(keep);
  if (!list_->currentItem() && list_->topLevelItemCount() > 0)
    list_->setCurrentItem(list_->topLevelItem(0));
  showDetails();
}

void CrashesPanel::showDetails() {
  const CrashReport* report = browser_.crashReports().find(selectedId());
  if (!report) {
    summary_->setText(browser_.crashReports().size() == 0 ? tr("No child process has died.")
                                                          : QString());
    backtrace_->clear();
    messages_->setRowCount(0);
    return;
  }
  summary_->setText(tr("<b>%1</b><br>%2 pid %3 at %4, up %5<br>Served: %6")
                        .arg(report->reason.toHtmlEscaped(), processKindText(report->kind))
                        .arg(report->pid)
                        .arg(report->time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                             uptimeText(report->uptime_ns), report->served.toHtmlEscaped()));
  QStringList frames;
  for (const auto& frame : report->backtrace) frames << QString::fromStdString(frame);
  backtrace_->setPlainText(frames.isEmpty()
                               ? tr("(none: only a process that faults writes one; a kill or an "
                                    "exit leaves none)")
                               : frames.join(QLatin1Char('\n')));
  fillMessages(*report);
}

void CrashesPanel::fillMessages(const CrashReport& report) {
  messages_->setRowCount(static_cast<int>(report.last_messages.size()));
  int row = 0;
  for (const auto& record : report.last_messages) {
    // Before the exit, on the same monotonic clock: how long before it died each one crossed.
    const uint64_t before = report.at_ns > record.time_ns ? report.at_ns - record.time_ns : 0;
    const QStringList cells{
        tr("-%1 s").arg(QString::number(static_cast<double>(before) / 1e9, 'f', 3)),
        record.incoming ? tr("from it") : tr("to it"),
        QString::fromStdString(record.kind),
        QString::number(record.bytes),
        QString::number(record.seq),
        QString::fromStdString(record.note)};
    for (int column = 0; column < cells.size(); ++column) {
      messages_->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    if (record.bad()) {
      for (int column = 0; column < cells.size(); ++column)
        messages_->item(row, column)->setForeground(Qt::red);
    }
    ++row;
  }
  messages_->resizeColumnsToContents();
}

}  // namespace sb::browser
