// The IPC inspector as a person uses it, offscreen: F12 shows it, a navigation's messages appear in
// order with their kinds and sizes, filters hide what they should, a bad message stands out, an
// export loads back as the same rows, and the Logs and Traffic tabs fill from real children.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/ipc_log_file.h"
#include "apps/browser/ui/inspector/child_log_model.h"
#include "apps/browser/ui/inspector/ipc_filter_proxy.h"
#include "apps/browser/ui/inspector/ipc_inspector.h"
#include "apps/browser/ui/inspector/ipc_table_model.h"
#include "apps/browser/ui/inspector/traffic_chart.h"
#include "apps/browser/ui/main_window.h"
#include "tests/support/proc_inspect.h"

using namespace sb::browser;

class InspectorTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<Browser> browser_;
  std::unique_ptr<MainWindow> window_;

  int openAndWait(const QString& url) {
    window_->openTab(url);
    const int id = window_->currentTabId();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(id) && browser_->tab(id)->state == TabState::kLoaded, 10000); }();
    return id;
  }

  IpcInspector* inspector() { return window_->inspector(); }

  // Rows of the inspector's table (after its filters) as the source records.
  std::vector<IpcRecord> shownRecords() {
    std::vector<IpcRecord> rows;
    IpcFilterProxy* proxy = inspector()->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
      rows.push_back(inspector()->model()->record(proxy->mapToSource(proxy->index(row, 0)).row()));
    }
    return rows;
  }

  QString cell(int proxy_row, int column) {
    return inspector()->proxy()->index(proxy_row, column).data().toString();
  }

 private slots:
  void init();
  void cleanup();
  void f12ShowsTheInspectorDock();
  void aNavigationShowsItsMessagesInOrderWithKindsAndSizes();
  void selectingARowShowsTheDecodedBodyAndTheFrameBytes();
  void filteringByTabHidesOtherTabsRows();
  void filteringByKindAndTextNarrowsTheRows();
  void exportThenLoadReproducesTheRows();
  void aBadMessageIsShownInRedWithItsReason();
  void pauseHoldsNewMessagesUntilResume();
  void theModelStaysWithinItsBound();
  void childLogLinesAppearAndTheLevelFilterHidesLowerOnes();
  void theTrafficChartDrawsALinePerProcess();
  void panelsOpenByNameAndASavedLogOpensInTheDock();
};

void InspectorTest::init() {
  browser_ = std::make_unique<Browser>(Browser::Options{});
  window_ = std::make_unique<MainWindow>(*browser_);
  window_->resize(1200, 900);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void InspectorTest::cleanup() {
  window_.reset();
  browser_.reset();
  QVERIFY(sb::testing::zombieChildrenOf(::getpid()).empty());
}

void InspectorTest::f12ShowsTheInspectorDock() {
  QDockWidget* dock = window_->inspectorDock();
  QVERIFY(!dock->isVisible());
  QTest::keyClick(window_.get(), Qt::Key_F12);
  QTRY_VERIFY(dock->isVisible());
  QTest::keyClick(window_.get(), Qt::Key_F12);
  QTRY_VERIFY(!dock->isVisible());
  QTest::keyClick(window_.get(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
  QTRY_VERIFY(dock->isVisible());
}

void InspectorTest::aNavigationShowsItsMessagesInOrderWithKindsAndSizes() {
  const int tab = openAndWait("demo://home");
  inspector()->pullNow();
  inspector()->filterByTab(tab);
  const auto rows = shownRecords();
  QVERIFY(rows.size() >= 2);
  // The browser asks first, the renderer answers with a display list.
  auto navigate = std::find_if(rows.begin(), rows.end(), [](const IpcRecord& r) { return r.kind == "navigate"; });
  auto list = std::find_if(rows.begin(), rows.end(), [](const IpcRecord& r) { return r.kind == "display_list"; });
  QVERIFY(navigate != rows.end());
  QVERIFY(list != rows.end());
  QVERIFY(navigate < list);
  QVERIFY(!navigate->incoming);
  QVERIFY(list->incoming);
  for (size_t i = 1; i < rows.size(); ++i) QVERIFY(rows[i - 1].index < rows[i].index);
  for (size_t i = 0; i < rows.size(); ++i) {
    // The size shown is the frame on the wire: the body plus its 4-byte length.
    QVERIFY(rows[i].payload);
    QCOMPARE(rows[i].bytes, rows[i].payload->size() + 4);
    QCOMPARE(cell(static_cast<int>(i), IpcTableModel::kBytes), QString::number(rows[i].bytes));
    QCOMPARE(cell(static_cast<int>(i), IpcTableModel::kKind), QString::fromStdString(rows[i].kind));
  }
  const int navigate_row = static_cast<int>(navigate - rows.begin());
  QVERIFY(cell(navigate_row, IpcTableModel::kPeer).startsWith("browser → renderer"));
  QVERIFY(cell(navigate_row, IpcTableModel::kSummary).contains("demo://home"));
}

void InspectorTest::selectingARowShowsTheDecodedBodyAndTheFrameBytes() {
  const int tab = openAndWait("demo://news");
  inspector()->pullNow();
  inspector()->filterByTab(tab);
  inspector()->proxy()->setKind("navigate");
  QVERIFY(inspector()->proxy()->rowCount() >= 1);
  inspector()->table()->setCurrentIndex(inspector()->proxy()->index(0, 0));
  QVERIFY(inspector()->bodyView()->toPlainText().contains("url: \"demo://news\""));
  QVERIFY(inspector()->jsonView()->toPlainText().contains("\"demo://news\""));
  // The hex dump starts with the 4-byte little-endian length of the body.
  const IpcRecord& record = inspector()->model()->record(
      inspector()->proxy()->mapToSource(inspector()->proxy()->index(0, 0)).row());
  const auto length = static_cast<uint32_t>(record.payload->size());
  const QString first_bytes = QStringLiteral("%1 %2").arg(length & 0xff, 2, 16, QLatin1Char('0')).arg((length >> 8) & 0xff, 2, 16, QLatin1Char('0'));
  QVERIFY2(inspector()->hexView()->toPlainText().contains(first_bytes), qPrintable(inspector()->hexView()->toPlainText().left(200)));
  QVERIFY(inspector()->detailHeader()->text().contains("navigate"));
}

void InspectorTest::filteringByTabHidesOtherTabsRows() {
  const int first = openAndWait("demo://home");
  const int second = openAndWait("demo://news");
  inspector()->pullNow();
  const int all = inspector()->proxy()->rowCount();
  inspector()->filterByTab(first);
  const auto rows = shownRecords();
  QVERIFY(!rows.empty());
  QVERIFY(static_cast<int>(rows.size()) < all);
  for (const IpcRecord& record : rows) QCOMPARE(record.tab_id, static_cast<uint32_t>(first));
  inspector()->filterByTab(second);
  for (const IpcRecord& record : shownRecords()) QCOMPARE(record.tab_id, static_cast<uint32_t>(second));
  inspector()->filterByTab(std::nullopt);
  QCOMPARE(inspector()->proxy()->rowCount(), all);
}

void InspectorTest::filteringByKindAndTextNarrowsTheRows() {
  openAndWait("demo://home");
  openAndWait("demo://news");
  inspector()->pullNow();
  auto* kind = inspector()->findChild<QComboBox*>(QStringLiteral("kindFilter"));
  kind->setCurrentIndex(kind->findData(QStringLiteral("navigate")));
  auto rows = shownRecords();
  QCOMPARE(rows.size(), size_t{2});
  // Free text finds strings inside bodies: the URL of one navigation.
  auto* search = inspector()->findChild<QLineEdit*>(QStringLiteral("search"));
  search->setText(QStringLiteral("demo://news"));
  rows = shownRecords();
  QCOMPARE(rows.size(), size_t{1});
  QVERIFY(rows[0].payload->find("demo://news") != std::string::npos);
}

void InspectorTest::exportThenLoadReproducesTheRows() {
  openAndWait("demo://home");
  openAndWait("demo://news");
  inspector()->pullNow();
  const auto exported = shownRecords();
  QVERIFY(exported.size() > 3);
  QTemporaryDir dir;
  const QString path = dir.filePath("traffic.jsonl");
  QString error;
  QVERIFY2(inspector()->exportTo(path, false, &error), qPrintable(error));

  IpcInspector offline({}, {});
  QVERIFY2(offline.loadFile(path, &error), qPrintable(error));
  QVERIFY(offline.banner()->text().contains("traffic.jsonl"));
  QCOMPARE(offline.model()->rowCount(), static_cast<int>(exported.size()));
  for (int row = 0; row < offline.model()->rowCount(); ++row) {
    const IpcRecord& loaded = offline.model()->record(row);
    const IpcRecord& original = exported[static_cast<size_t>(row)];
    QCOMPARE(loaded.index, original.index);
    QCOMPARE(loaded.kind, original.kind);
    QCOMPARE(loaded.bytes, original.bytes);
    QCOMPARE(loaded.seq, original.seq);
    QCOMPARE(loaded.pid, original.pid);
    QCOMPARE(loaded.incoming, original.incoming);
    QCOMPARE(loaded.tab_id, original.tab_id);
    QVERIFY(loaded.payload && original.payload);
    QCOMPARE(*loaded.payload, *original.payload);
  }
  // The selection alone: two rows.
  inspector()->table()->selectionModel()->select(inspector()->proxy()->index(0, 0),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  inspector()->table()->selectionModel()->select(inspector()->proxy()->index(2, 0),
                                                 QItemSelectionModel::Select | QItemSelectionModel::Rows);
  QVERIFY2(inspector()->exportTo(path, true, &error), qPrintable(error));
  QVERIFY(offline.loadFile(path, &error));
  QCOMPARE(offline.model()->rowCount(), 2);
  QCOMPARE(offline.model()->record(1).index, exported[2].index);
}

void InspectorTest::aBadMessageIsShownInRedWithItsReason() {
  // demo://badipc?kind=... makes its renderer send one bad message right after the page is drawn:
  // a message only the browser may send (decoded, then refused), and bytes that are no Envelope.
  window_->openTab(QStringLiteral("demo://badipc?kind=browser-only"));
  const int refused = window_->currentTabId();
  window_->openTab(QStringLiteral("demo://badipc?kind=garbage"));
  const int garbage = window_->currentTabId();
  QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(refused)->state == TabState::kCrashed, 10000);
  QTRY_VERIFY_WITH_TIMEOUT(browser_->tab(garbage)->state == TabState::kCrashed, 10000);
  inspector()->pullNow();
  auto* bad_only = inspector()->findChild<QCheckBox*>();
  QVERIFY(bad_only);
  bad_only->setChecked(true);
  const auto rows = shownRecords();
  QCOMPARE(rows.size(), size_t{2});
  QVERIFY(std::any_of(rows.begin(), rows.end(), [](const IpcRecord& r) { return r.kind == "malformed frame"; }));
  QVERIFY(std::any_of(rows.begin(), rows.end(), [](const IpcRecord& r) {
    return r.kind != "malformed frame" && r.payload && r.incoming;
  }));
  for (int row = 0; row < 2; ++row) {
    const QModelIndex summary = inspector()->proxy()->index(row, IpcTableModel::kSummary);
    QVERIFY2(summary.data().toString().startsWith("BAD: "), qPrintable(summary.data().toString()));
    const QColor colour = summary.data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY(colour.red() > 150 && colour.green() < 50);
  }
  inspector()->table()->setCurrentIndex(inspector()->proxy()->index(0, 0));
  QVERIFY(inspector()->detailHeader()->text().contains("Bad message"));
}

void InspectorTest::pauseHoldsNewMessagesUntilResume() {
  openAndWait("demo://home");
  inspector()->pullNow();
  const int before = inspector()->model()->rowCount();
  inspector()->setPaused(true);
  openAndWait("demo://news");
  inspector()->pullNow();
  QCOMPARE(inspector()->model()->rowCount(), before);
  QVERIFY(inspector()->status()->text().contains("paused"));
  inspector()->setPaused(false);
  QVERIFY(inspector()->model()->rowCount() > before);
}

void InspectorTest::theModelStaysWithinItsBound() {
  IpcTableModel model(100);
  for (int batch = 0; batch < 5; ++batch) {
    std::vector<IpcRecord> records(60);
    for (size_t i = 0; i < records.size(); ++i) records[i].index = static_cast<uint64_t>(batch * 60 + i + 1);
    model.appendBatch(std::move(records));
    QVERIFY(model.rowCount() <= 100);
  }
  QCOMPARE(model.rowCount(), 100);
  QCOMPARE(model.droppedRows(), uint64_t{200});
  QCOMPARE(model.record(0).index, uint64_t{201});
  QCOMPARE(model.record(99).index, uint64_t{300});
}

void InspectorTest::childLogLinesAppearAndTheLevelFilterHidesLowerOnes() {
  openAndWait("demo://home");
  // A renderer logs each navigation at info level and forwards the line.
  QTRY_VERIFY_WITH_TIMEOUT((inspector()->pullNow(), inspector()->logModel()->rowCount() > 0), 5000);
  const int all = inspector()->logFilter()->rowCount();
  bool navigation_logged = false;
  for (int row = 0; row < all; ++row) {
    const QString text = inspector()->logFilter()->index(row, ChildLogModel::kText).data().toString();
    navigation_logged = navigation_logged || text.contains("demo://home");
  }
  QVERIFY(navigation_logged);
  QComboBox* level = inspector()->logLevelFilter();
  level->setCurrentIndex(level->count() - 1);  // critical only
  QVERIFY(inspector()->logFilter()->rowCount() < all);
  level->setCurrentIndex(0);
  QCOMPARE(inspector()->logFilter()->rowCount(), all);
}

void InspectorTest::theTrafficChartDrawsALinePerProcess() {
  openAndWait("demo://clock");
  inspector()->pullNow();
  TrafficChart* chart = inspector()->chart();
  // The chart samples once a second by itself; two samples are enough for a line.
  QTRY_VERIFY_WITH_TIMEOUT(chart->seriesCount() >= 1, 5000);
  const pid_t renderer = browser_->renderers().front()->pid();
  QTRY_VERIFY_WITH_TIMEOUT(chart->latestRate(renderer) > 1, 5000);
}

void InspectorTest::panelsOpenByNameAndASavedLogOpensInTheDock() {
  QVERIFY(!window_->showPanel(QStringLiteral("bogus")));
  for (const QString& name : MainWindow::panelNames()) QVERIFY2(window_->showPanel(name), qPrintable(name));
  QVERIFY(window_->inspectorDock()->isVisible());
  QVERIFY(window_->findChild<QDockWidget*>(QStringLiteral("processMapDock"))->isVisible());
  QVERIFY(window_->findChild<QDockWidget*>(QStringLiteral("crashesDock"))->isVisible());

  QTemporaryDir dir;
  const QString path = dir.filePath("saved.jsonl");
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  IpcRecord record;
  record.index = 7;
  record.kind = "ping";
  record.bytes = 6;
  file.write(QByteArray::fromStdString(ipcRecordLine(record)));
  file.write("not json\n");
  file.close();
  window_->inspectorDock()->hide();
  QString error;
  QVERIFY2(window_->openIpcLog(path, &error), qPrintable(error));
  QVERIFY(window_->inspectorDock()->isVisible());
  QVERIFY(inspector()->isOffline());
  QCOMPARE(inspector()->model()->rowCount(), 1);
  QVERIFY(inspector()->banner()->text().contains("could not read 1 of its lines"));
  QVERIFY(!window_->openIpcLog(dir.filePath("missing.jsonl"), &error));
  QVERIFY(!error.isEmpty());
  // Back to live: the browser's own traffic again.
  openAndWait("demo://home");
  inspector()->showLive();
  QVERIFY(!inspector()->isOffline());
  QVERIFY(inspector()->model()->rowCount() > 1);
}

QTEST_MAIN(InspectorTest)
#include "inspector_test.moc"
