#include "apps/browser/ui/inspector/ipc_inspector.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "apps/browser/core/child_log.h"
#include "apps/browser/core/ipc_log_file.h"
#include "apps/browser/core/ipc_record_format.h"
#include "apps/browser/ui/inspector/child_log_model.h"
#include "apps/browser/ui/inspector/ipc_filter_proxy.h"
#include "apps/browser/ui/inspector/ipc_table_model.h"
#include "apps/browser/ui/inspector/traffic_chart.h"

namespace sb::browser {

namespace {
// At most this many records are taken per pull, so one tick stays short even after a pause.
constexpr size_t kMaxPullBatch = 50'000;

QPlainTextEdit* monospaceView(QWidget* parent) {
  auto* view = new QPlainTextEdit(parent);
  view->setReadOnly(true);
  view->setLineWrapMode(QPlainTextEdit::NoWrap);
  view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  return view;
}

QTableView* logTableView(QWidget* parent) {
  auto* table = new QTableView(parent);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table->setWordWrap(false);
  table->verticalHeader()->hide();
  // Fixed row heights: the view never measures 100 000 rows.
  table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 4);
  table->horizontalHeader()->setStretchLastSection(true);
  table->horizontalHeader()->setHighlightSections(false);
  return table;
}

std::vector<std::string> bodyKinds() {
  std::vector<std::string> kinds;
  const auto* oneof = wire::Envelope::descriptor()->FindOneofByName("body");
  for (int i = 0; oneof && i < oneof->field_count(); ++i) kinds.push_back(oneof->field(i)->name());
  std::sort(kinds.begin(), kinds.end());
  kinds.emplace_back("malformed frame");
  return kinds;
}
}  // namespace

IpcInspector::IpcInspector(Sources sources, Options options, QWidget* parent)
    : QWidget(parent), sources_(sources), options_(options) {
  model_ = new IpcTableModel(options_.capacity, this);
  proxy_ = new IpcFilterProxy(this);
  proxy_->setSourceModel(model_);
  log_model_ = new ChildLogModel(20'000, this);
  log_filter_ = new ChildLogFilter(this);
  log_filter_->setSourceModel(log_model_);
  model_->setTimeOrigin(sources_.origin_ns);
  log_model_->setTimeOrigin(sources_.origin_ns);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  banner_ = new QLabel(this);
  banner_->setObjectName(QStringLiteral("inspectorBanner"));
  banner_->setStyleSheet(QStringLiteral("background:#e8f0fe;padding:4px;"));
  banner_->setTextFormat(Qt::RichText);
  banner_->hide();
  connect(banner_, &QLabel::linkActivated, this, [this] { showLive(); });
  layout->addWidget(banner_);
  tabs_ = new QTabWidget(this);
  tabs_->addTab(buildMessagesTab(), tr("Messages"));
  tabs_->addTab(buildLogsTab(), tr("Logs"));
  chart_ = new TrafficChart(this);
  tabs_->addTab(chart_, tr("Traffic"));
  layout->addWidget(tabs_, 1);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("inspectorStatus"));
  layout->addWidget(status_);

  connect(model_, &IpcTableModel::processSeen, this, &IpcInspector::addProcessFilterItem);
  connect(model_, &IpcTableModel::tabSeen, this, &IpcInspector::addTabFilterItem);
  connect(&pull_timer_, &QTimer::timeout, this, &IpcInspector::pullNow);
  connect(&chart_timer_, &QTimer::timeout, this, &IpcInspector::sampleTraffic);
  if (sources_.ipc) {
    pull_timer_.start(options_.pull_interval_ms);
    chart_timer_.start(1000);
    since_sample_.start();
  }
  updateStatus();
}

QWidget* IpcInspector::buildMessagesTab() {
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);

  auto* bar = new QHBoxLayout;
  process_filter_ = new QComboBox(page);
  process_filter_->setObjectName(QStringLiteral("processFilter"));
  process_filter_->addItem(tr("All processes"));
  tab_filter_ = new QComboBox(page);
  tab_filter_->setObjectName(QStringLiteral("tabFilter"));
  tab_filter_->addItem(tr("All tabs"));
  kind_filter_ = new QComboBox(page);
  kind_filter_->setObjectName(QStringLiteral("kindFilter"));
  kind_filter_->addItem(tr("All kinds"));
  for (const std::string& kind : bodyKinds()) kind_filter_->addItem(QString::fromStdString(kind), QString::fromStdString(kind));
  search_ = new QLineEdit(page);
  search_->setObjectName(QStringLiteral("search"));
  search_->setPlaceholderText(tr("Filter: text, URL, kind, pid"));
  search_->setClearButtonEnabled(true);
  bad_only_ = new QCheckBox(tr("Bad only"), page);
  pause_ = new QToolButton(page);
  pause_->setText(tr("Pause"));
  pause_->setCheckable(true);
  pause_->setToolTip(tr("Stop taking in new messages; they wait in the browser's log"));
  follow_ = new QToolButton(page);
  follow_->setText(tr("Follow"));
  follow_->setCheckable(true);
  follow_->setChecked(true);
  follow_->setToolTip(tr("Keep the newest message in view"));
  auto* clear_button = new QToolButton(page);
  clear_button->setText(tr("Clear"));
  auto* export_button = new QToolButton(page);
  export_button->setText(tr("Export"));
  export_button->setPopupMode(QToolButton::InstantPopup);
  auto* export_menu = new QMenu(export_button);
  export_menu->addAction(tr("Export shown messages…"), this, [this] { exportWithDialog(false); });
  export_menu->addAction(tr("Export selected messages…"), this, [this] { exportWithDialog(true); });
  export_button->setMenu(export_menu);
  auto* open_button = new QToolButton(page);
  open_button->setText(tr("Open log…"));
  open_button->setToolTip(tr("Browse a saved JSON Lines log offline"));
  bar->addWidget(process_filter_);
  bar->addWidget(tab_filter_);
  bar->addWidget(kind_filter_);
  bar->addWidget(search_, 1);
  bar->addWidget(bad_only_);
  bar->addWidget(pause_);
  bar->addWidget(follow_);
  bar->addWidget(clear_button);
  bar->addWidget(export_button);
  bar->addWidget(open_button);
  layout->addLayout(bar);

  auto* splitter = new QSplitter(Qt::Vertical, page);
  table_ = logTableView(splitter);
  table_->setObjectName(QStringLiteral("ipcTable"));
  table_->setModel(proxy_);
  const int char_width = table_->fontMetrics().horizontalAdvance(QLatin1Char('0'));
  const std::pair<int, int> widths[] = {
      {IpcTableModel::kIndex, 7}, {IpcTableModel::kTime, 9},    {IpcTableModel::kDirection, 4},
      {IpcTableModel::kPeer, 24}, {IpcTableModel::kTab, 4},     {IpcTableModel::kKind, 16},
      {IpcTableModel::kBytes, 8}, {IpcTableModel::kSeq, 6},     {IpcTableModel::kLatency, 9}};
  for (auto [column, chars] : widths) table_->setColumnWidth(column, (chars + 2) * char_width);
  splitter->addWidget(table_);

  auto* detail = new QWidget(splitter);
  auto* detail_layout = new QVBoxLayout(detail);
  detail_layout->setContentsMargins(0, 0, 0, 0);
  detail_header_ = new QLabel(tr("Select a message to see its body and bytes."), detail);
  detail_header_->setObjectName(QStringLiteral("detailHeader"));
  detail_header_->setWordWrap(true);
  detail_header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* detail_tabs = new QTabWidget(detail);
  body_text_ = monospaceView(detail_tabs);
  body_json_ = monospaceView(detail_tabs);
  hex_ = monospaceView(detail_tabs);
  detail_tabs->addTab(body_text_, tr("Decoded"));
  detail_tabs->addTab(body_json_, tr("JSON"));
  detail_tabs->addTab(hex_, tr("Hex"));
  detail_layout->addWidget(detail_header_);
  detail_layout->addWidget(detail_tabs, 1);
  splitter->addWidget(detail);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  layout->addWidget(splitter, 1);

  connect(process_filter_, &QComboBox::currentIndexChanged, this, [this] {
    const QVariant pid = process_filter_->currentData();
    proxy_->setPid(pid.isValid() ? std::optional<pid_t>(static_cast<pid_t>(pid.toLongLong())) : std::nullopt);
    updateStatus();
  });
  connect(tab_filter_, &QComboBox::currentIndexChanged, this, [this] {
    const QVariant tab = tab_filter_->currentData();
    proxy_->setTab(tab.isValid() ? std::optional<uint32_t>(tab.toUInt()) : std::nullopt);
    updateStatus();
  });
  connect(kind_filter_, &QComboBox::currentIndexChanged, this, [this] {
    proxy_->setKind(kind_filter_->currentData().toString());
    updateStatus();
  });
  connect(search_, &QLineEdit::textChanged, this, [this](const QString& text) {
    proxy_->setText(text);
    updateStatus();
  });
  connect(bad_only_, &QCheckBox::toggled, this, [this](bool on) {
    proxy_->setBadOnly(on);
    updateStatus();
  });
  connect(pause_, &QToolButton::toggled, this, [this](bool paused) {
    pause_->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused) pullNow();
    updateStatus();
  });
  connect(follow_, &QToolButton::toggled, this, [this](bool on) {
    if (on) table_->scrollToBottom();
  });
  connect(clear_button, &QToolButton::clicked, this, &IpcInspector::clear);
  connect(open_button, &QToolButton::clicked, this, &IpcInspector::openWithDialog);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { showRecord(current); });
  // Reading a row means the view should stop running away from it.
  connect(table_, &QTableView::pressed, this, [this] { follow_->setChecked(false); });
  return page;
}

QWidget* IpcInspector::buildLogsTab() {
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* bar = new QHBoxLayout;
  log_level_ = new QComboBox(page);
  log_level_->setObjectName(QStringLiteral("logLevelFilter"));
  for (wire::LogLevel level : {wire::LOG_LEVEL_TRACE, wire::LOG_LEVEL_DEBUG, wire::LOG_LEVEL_INFO,
                               wire::LOG_LEVEL_WARN, wire::LOG_LEVEL_ERROR, wire::LOG_LEVEL_CRITICAL}) {
    log_level_->addItem(tr("%1 and above").arg(QLatin1String(logLevelName(level))), static_cast<int>(level));
  }
  auto* log_search = new QLineEdit(page);
  log_search->setPlaceholderText(tr("Filter log text"));
  log_search->setClearButtonEnabled(true);
  bar->addWidget(new QLabel(tr("Level:"), page));
  bar->addWidget(log_level_);
  bar->addWidget(log_search, 1);
  layout->addLayout(bar);
  log_table_ = logTableView(page);
  log_table_->setObjectName(QStringLiteral("logTable"));
  log_table_->setModel(log_filter_);
  layout->addWidget(log_table_, 1);
  connect(log_level_, &QComboBox::currentIndexChanged, this, [this] {
    log_filter_->setMinimumLevel(static_cast<wire::LogLevel>(log_level_->currentData().toInt()));
  });
  connect(log_search, &QLineEdit::textChanged, log_filter_, &ChildLogFilter::setText);
  return page;
}

void IpcInspector::addProcessFilterItem(qint64 pid) {
  const auto& processes = model_->processes();
  auto it = processes.find(static_cast<pid_t>(pid));
  const wire::ProcessKind kind = it == processes.end() ? wire::PROCESS_KIND_UNSPECIFIED : it->second;
  if (process_filter_->findData(pid) < 0) process_filter_->addItem(IpcTableModel::processText(kind, static_cast<pid_t>(pid)), pid);
}

void IpcInspector::addTabFilterItem(int tab_id) {
  if (tab_filter_->findData(tab_id) < 0) tab_filter_->addItem(tr("Tab %1").arg(tab_id), tab_id);
}

void IpcInspector::filterByPid(std::optional<pid_t> pid) {
  if (!pid) {
    process_filter_->setCurrentIndex(0);
    return;
  }
  addProcessFilterItem(*pid);
  process_filter_->setCurrentIndex(process_filter_->findData(static_cast<qint64>(*pid)));
}

void IpcInspector::filterByTab(std::optional<int> tab_id) {
  if (!tab_id) {
    tab_filter_->setCurrentIndex(0);
    return;
  }
  addTabFilterItem(*tab_id);
  tab_filter_->setCurrentIndex(tab_filter_->findData(*tab_id));
}

void IpcInspector::pullNow() {
  if (!sources_.ipc || offline_ || pause_->isChecked()) return;
  const IpcLog& log = *sources_.ipc;
  if (log.lastIndex() > last_ipc_index_) {
    std::vector<IpcRecord> records = log.since(last_ipc_index_, kMaxPullBatch);
    if (!records.empty()) {
      missed_ += records.front().index - last_ipc_index_ - 1;
      last_ipc_index_ = records.back().index;
      model_->appendBatch(std::move(records));
      if (follow_->isChecked()) table_->scrollToBottom();
    }
  }
  if (sources_.children && sources_.children->lastIndex() > last_log_index_) {
    std::vector<ChildLogEntry> entries = sources_.children->since(last_log_index_, kMaxPullBatch);
    if (!entries.empty()) {
      last_log_index_ = entries.back().index;
      log_model_->appendBatch(std::move(entries));
    }
  }
  updateStatus();
}

void IpcInspector::sampleTraffic() {
  const double seconds = since_sample_.restart() / 1000.0;
  chart_->addSample(model_->takeCounts(), model_->processes(), seconds);
}

void IpcInspector::setPaused(bool paused) { pause_->setChecked(paused); }

bool IpcInspector::isPaused() const { return pause_->isChecked(); }

void IpcInspector::setFollow(bool follow) { follow_->setChecked(follow); }

void IpcInspector::clear() {
  model_->clear();
  log_model_->clear();
  missed_ = 0;
  showRecord({});
  updateStatus();
}

void IpcInspector::showRecord(const QModelIndex& proxy_index) {
  const QModelIndex source = proxy_->mapToSource(proxy_index);
  if (!source.isValid()) {
    detail_header_->setText(tr("Select a message to see its body and bytes."));
    body_text_->clear();
    body_json_->clear();
    hex_->clear();
    return;
  }
  const IpcRecord& record = model_->record(source.row());
  QString header = tr("#%1  %2  %3  %4 bytes  seq %5")
                       .arg(record.index)
                       .arg(IpcTableModel::peerText(record), QString::fromStdString(record.kind))
                       .arg(record.bytes)
                       .arg(record.seq);
  if (record.tab_id) header += tr("  tab %1").arg(record.tab_id);
  if (record.reply_to) header += tr("  reply to %1").arg(record.reply_to);
  if (record.latency_ns) header += tr("  latency %1 ms").arg(record.latency_ns / 1e6, 0, 'f', 2);
  if (record.bad()) {
    header += QStringLiteral("<br><span style='color:#b00020'><b>%1</b> %2</span>")
                  .arg(tr("Bad message:"), QString::fromStdString(record.note).toHtmlEscaped());
  }
  detail_header_->setText(header);
  if (!record.payload) {
    const QString why = record.bad() && record.kind == "malformed frame"
                            ? tr("The frame never decoded into a message, so there is no body to show.")
                            : tr("The body was not kept: it was larger than the log keeps per message, or "
                                 "released to keep the log within its memory budget.");
    body_text_->setPlainText(why);
    body_json_->setPlainText(why);
    hex_->setPlainText(why);
    return;
  }
  body_text_->setPlainText(QString::fromStdString(bodyAsText(record.payload)));
  body_json_->setPlainText(QString::fromStdString(bodyAsJson(record.payload)));
  hex_->setPlainText(QString::fromStdString(frameHexDump(record.payload)));
}

void IpcInspector::updateStatus() {
  QString text = tr("%1 messages, %2 shown").arg(model_->rowCount()).arg(proxy_->rowCount());
  if (model_->droppedRows() > 0) text += tr(", %1 older dropped at the bound of %2").arg(model_->droppedRows()).arg(model_->capacity());
  if (missed_ > 0) text += tr(", %1 missed (left the browser's log before they were read)").arg(missed_);
  if (offline_) text += tr(" — from %1").arg(offline_source_);
  if (pause_->isChecked() && sources_.ipc) {
    const uint64_t waiting = sources_.ipc->lastIndex() - last_ipc_index_;
    text += tr(" — paused, %1 new waiting").arg(waiting);
  }
  status_->setText(text);
}

bool IpcInspector::loadFile(const QString& path, QString* error) {
  IpcLogContents contents = readIpcLogFile(path.toStdString());
  if (!contents.failure.empty()) {
    if (error) *error = QString::fromStdString(contents.failure);
    return false;
  }
  offline_ = true;
  offline_source_ = path;
  model_->clear();
  log_model_->clear();
  missed_ = 0;
  if (!contents.records.empty()) model_->setTimeOrigin(contents.records.front().time_ns);
  const size_t loaded = contents.records.size();
  model_->appendBatch(std::move(contents.records));
  QString text = tr("Viewing <b>%1</b>: %2 messages").arg(path.toHtmlEscaped()).arg(loaded);
  if (!contents.errors.empty()) {
    text += tr(", <span style='color:#b00020'>could not read %1 of its lines (first: %2)</span>")
                .arg(contents.errors.size())
                .arg(QString::fromStdString(contents.errors.front()).toHtmlEscaped());
  }
  if (sources_.ipc) text += tr(" — <a href='live'>back to live traffic</a>");
  banner_->setText(text);
  banner_->show();
  updateStatus();
  return true;
}

void IpcInspector::showLive() {
  if (!sources_.ipc) return;
  offline_ = false;
  offline_source_.clear();
  banner_->hide();
  model_->clear();
  model_->setTimeOrigin(sources_.origin_ns);
  last_ipc_index_ = 0;
  last_log_index_ = 0;
  log_model_->clear();
  pullNow();
}

bool IpcInspector::exportTo(const QString& path, bool selected_only, QString* error) const {
  std::vector<IpcRecord> records;
  if (selected_only) {
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& row : rows) records.push_back(model_->record(proxy_->mapToSource(row).row()));
  } else {
    records.reserve(static_cast<size_t>(proxy_->rowCount()));
    for (int row = 0; row < proxy_->rowCount(); ++row) {
      records.push_back(model_->record(proxy_->mapToSource(proxy_->index(row, 0)).row()));
    }
  }
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    if (error) *error = file.errorString();
    return false;
  }
  if (!writeIpcLog(file, records) || !file.commit()) {
    if (error) *error = file.errorString();
    return false;
  }
  return true;
}

void IpcInspector::exportWithDialog(bool selected_only) {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export messages"), QStringLiteral("ipc-log.jsonl"),
                                                    tr("JSON Lines (*.jsonl);;All files (*)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportTo(path, selected_only, &error)) {
    status_->setText(tr("Export failed: %1").arg(error));
  } else {
    status_->setText(tr("Exported to %1").arg(path));
  }
}

void IpcInspector::openWithDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open an IPC log"), QString(),
                                                    tr("JSON Lines (*.jsonl);;All files (*)"));
  if (path.isEmpty()) return;
  QString error;
  if (!loadFile(path, &error)) status_->setText(tr("Could not open %1: %2").arg(path, error));
}

}  // namespace sb::browser
