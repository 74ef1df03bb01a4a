#include "apps/browser/ui/main_window.h"

#include <signal.h>

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

#include "apps/browser/core/browser.h"
#include "apps/browser/ui/crashes_panel.h"
#include "apps/browser/ui/inspector/ipc_inspector.h"
#include "apps/browser/ui/page_view.h"
#include "apps/browser/ui/pid_badge.h"
#include "apps/browser/ui/process_map.h"
#include "apps/browser/ui/sandbox_panel.h"
#include "apps/browser/ui/settings_dialog.h"
#include "apps/browser/ui/single_process_warning.h"
#include "apps/browser/ui/state_text.h"
#include "apps/browser/ui/tab_icons.h"
#include "apps/browser/ui/tab_strip.h"
#include "apps/browser/ui/tab_view.h"
#include "apps/browser/ui/task_manager.h"
#include "common/ipc/plugin_types.h"

namespace sb::browser {

MainWindow::MainWindow(Browser& browser, QWidget* parent) : QMainWindow(parent), browser_(browser) {
  setWindowTitle(tr("Sandbrowser"));
  resize(1200, 800);

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);

  auto* strip_row = new QWidget(central);
  auto* strip_layout = new QHBoxLayout(strip_row);
  strip_layout->setContentsMargins(4, 4, 4, 0);
  strip_ = new TabStrip(strip_row);
  auto* new_tab = new QToolButton(strip_row);
  new_tab->setText(QStringLiteral("+"));
  new_tab->setToolTip(tr("New tab (Ctrl+T)"));
  new_tab->setAutoRaise(true);
  connect(new_tab, &QToolButton::clicked, this, [this] { openTab(QStringLiteral("demo://home")); });
  strip_layout->addWidget(strip_, 0);
  strip_layout->addWidget(new_tab);
  strip_layout->addStretch(1);

  pages_ = new QStackedWidget(central);
  buildToolbar();
  layout->addWidget(strip_row);
  layout->addWidget(findChild<QToolBar*>(QStringLiteral("navigation")));
  layout->addWidget(pages_, 1);
  setCentralWidget(central);

  process_status_ = new QLabel(this);
  renderer_count_ = new QLabel(this);
  gpu_status_ = new QLabel(this);
  gpu_status_->setObjectName(QStringLiteral("gpuStatus"));
  process_model_status_ = new QLabel(this);
  process_model_status_->setObjectName(QStringLiteral("processModelStatus"));
  process_model_status_->setToolTip(tr("Process model and renderer limit for new tabs (Settings…, Ctrl+,)"));
  statusBar()->addPermanentWidget(process_status_);
  statusBar()->addPermanentWidget(process_model_status_);
  statusBar()->addPermanentWidget(renderer_count_);
  statusBar()->addPermanentWidget(gpu_status_);
  sandbox_panel_ = new SandboxPanel(browser_, this);
  addDockWidget(Qt::RightDockWidgetArea, sandbox_panel_);
  sandbox_panel_->hide();
  auto* sandbox_toggle = sandbox_panel_->toggleViewAction();
  sandbox_toggle->setText(browser_.options().sandbox ? tr("Sandbox") : tr("Sandbox OFF"));
  sandbox_toggle->setToolTip(tr("Show each process's sandbox layers"));
  findChild<QToolBar*>(QStringLiteral("navigation"))->addAction(sandbox_toggle);
  // The process map: a live diagram of every process; a click shows that process in the task manager.
  auto* map_dock = new QDockWidget(tr("Process map"), this);
  map_dock->setObjectName(QStringLiteral("processMapDock"));
  auto* process_map = new ProcessMap(browser_, map_dock);
  map_dock->setWidget(process_map);
  addDockWidget(Qt::RightDockWidgetArea, map_dock);
  map_dock->hide();
  map_dock->toggleViewAction()->setText(tr("Map"));
  map_dock->toggleViewAction()->setToolTip(tr("Show a live map of the processes"));
  findChild<QToolBar*>(QStringLiteral("navigation"))->addAction(map_dock->toggleViewAction());
  connect(process_map, &ProcessMap::processSelected, this, [this](qint64 pid) {
    TaskManager* manager = taskManager();
    if (manager->isVisible()) manager->refresh();  // showing it refreshes it
    manager->show();
    manager->raise();
    manager->tree()->clearSelection();
    if (QTreeWidgetItem* row = manager->rowForPid(pid)) {
      row->setSelected(true);
      manager->tree()->scrollToItem(row);
    }
    inspector_->filterByPid(static_cast<pid_t>(pid));
  });
  buildInspector();
  buildHelpMenu();
  buildActions();
  buildCrashesDock();

  connect(strip_, &QTabBar::currentChanged, this, &MainWindow::onCurrentIndexChanged);
  connect(strip_, &QTabBar::tabCloseRequested, this,
          [this](int index) { closeTabByUser(strip_->tabData(index).toInt()); });
  connect(strip_, &TabStrip::middleClicked, this,
          [this](int index) { closeTabByUser(strip_->tabData(index).toInt()); });
  connect(strip_, &QWidget::customContextMenuRequested, this, &MainWindow::showTabMenu);
  connect(&browser_, &Browser::tabOpened, this, &MainWindow::onTabOpened);
  connect(&browser_, &Browser::tabClosed, this, &MainWindow::onTabClosed);
  connect(&browser_, &Browser::tabChanged, this, &MainWindow::onTabChanged);
  connect(&browser_, &Browser::tabCrashed, this, &MainWindow::onTabCrashed);
  // demo://deadlock: what the browser did about a cycle, where a person looks while it happens.
  connect(&browser_, &Browser::deadlockBroken, this, [this](const QString& cycle) {
    statusBar()->showMessage(tr("Deadlock broken: %1").arg(cycle), 10000);
  });
  connect(&browser_, &Browser::renderersChanged, this, &MainWindow::updateProcessCount);
  connect(&browser_, &Browser::tabContentChanged, this, [this](int tab_id) {
    if (TabView* view = tabView(tab_id)) view->refreshContent();
  });
  connect(&browser_, &Browser::tabFrameReady, this, [this](int tab_id) {
    if (TabView* view = tabView(tab_id)) view->pageView()->update();
  });
  connect(&browser_, &Browser::gpuChanged, this, &MainWindow::updateGpuStatus);
  connect(&browser_, &Browser::processModelChanged, this, &MainWindow::updateProcessModelStatus);
  connect(&browser_, &Browser::processFaultAhead, this, [this](const QString& what) {
    QSettings settings;
    explainSingleProcessFault(this, what, settings);
  });
  for (int id : browser_.tabIds()) onTabOpened(id);
  updateProcessModelStatus();
  updateProcessCount();
  updateGpuStatus();
}

void MainWindow::buildInspector() {
  inspector_dock_ = new QDockWidget(tr("IPC inspector"), this);
  inspector_dock_->setObjectName(QStringLiteral("inspectorDock"));
  IpcInspector::Options options;
  options.capacity = browser_.options().ipc_log_capacity;
  inspector_ = new IpcInspector({&browser_.ipcLog(), &browser_.childLog(), browser_.startedAtNs()}, options,
                                inspector_dock_);
  inspector_dock_->setWidget(inspector_);
  addDockWidget(Qt::BottomDockWidgetArea, inspector_dock_);
  inspector_dock_->hide();
  QAction* toggle = inspector_dock_->toggleViewAction();
  toggle->setText(tr("Inspector"));
  toggle->setToolTip(tr("Show every IPC message, live (F12)"));
  toggle->setShortcuts({QKeySequence(Qt::Key_F12), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)});
  findChild<QToolBar*>(QStringLiteral("navigation"))->addAction(toggle);
}

void MainWindow::buildHelpMenu() {
  auto* button = new QToolButton(this);
  button->setObjectName(QStringLiteral("helpButton"));
  button->setText(tr("Help"));
  button->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(button);
  QAction* tour = menu->addAction(tr("Guided tour"), this, [this] { openTab(QStringLiteral("demo://tour")); });
  tour->setObjectName(QStringLiteral("tourAction"));
  tour->setShortcut(QKeySequence(Qt::Key_F1));
  tour->setShortcutContext(Qt::WindowShortcut);
  addAction(tour);  // the shortcut works while the menu is closed
  button->setMenu(menu);
  findChild<QToolBar*>(QStringLiteral("navigation"))->addWidget(button);
}

QStringList MainWindow::panelNames() {
  return {QStringLiteral("inspector"), QStringLiteral("task-manager"), QStringLiteral("process-map"),
          QStringLiteral("crashes"), QStringLiteral("sandbox")};
}

bool MainWindow::showPanel(const QString& name) {
  if (name == QLatin1String("task-manager")) {
    TaskManager* manager = taskManager();
    manager->show();
    manager->raise();
    return true;
  }
  const char* dock_name = name == QLatin1String("inspector")     ? "inspectorDock"
                          : name == QLatin1String("process-map") ? "processMapDock"
                          : name == QLatin1String("crashes")     ? "crashesDock"
                          : nullptr;
  QDockWidget* dock = dock_name ? findChild<QDockWidget*>(QLatin1String(dock_name)) : nullptr;
  if (name == QLatin1String("sandbox")) dock = sandbox_panel_;
  if (!dock) return false;
  dock->show();
  dock->raise();
  return true;
}

bool MainWindow::openIpcLog(const QString& path, QString* error) {
  if (!inspector_->loadFile(path, error)) return false;
  inspector_dock_->show();
  return true;
}

TaskManager* MainWindow::taskManager() {
  if (!task_manager_) {
    task_manager_ = new TaskManager(browser_, this);
    connect(task_manager_, &TaskManager::tabActivated, this, [this](int tab_id) {
      for (int i = 0; i < strip_->count(); ++i) {
        if (strip_->tabData(i).toInt() == tab_id) strip_->setCurrentIndex(i);
      }
      activateWindow();
    });
  }
  return task_manager_;
}

void MainWindow::updateGpuStatus() {
  const GpuHost& gpu = browser_.gpu();
  gpu_status_->setText(gpu.statusText());
  gpu_status_->setStyleSheet(gpu.softwareFallback() ? QStringLiteral("color:#b06000;font-weight:bold;")
                                                    : QString());
  retry_gpu_->setEnabled(gpu.softwareFallback());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildToolbar() {
  auto* toolbar = new QToolBar(tr("Navigation"), this);
  toolbar->setObjectName(QStringLiteral("navigation"));
  toolbar->setMovable(false);
  toolbar->setIconSize(QSize(18, 18));
  back_ = toolbar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"));
  forward_ = toolbar->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Forward"));
  reload_ = toolbar->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reload"));
  back_->setToolTip(tr("Back (Alt+Left)"));
  forward_->setToolTip(tr("Forward (Alt+Right)"));
  reload_->setToolTip(tr("Reload (Ctrl+R)"));
  connect(back_, &QAction::triggered, this, [this] { browser_.goBack(currentTabId()); });
  connect(forward_, &QAction::triggered, this, [this] { browser_.goForward(currentTabId()); });
  connect(reload_, &QAction::triggered, this, [this] { browser_.reload(currentTabId()); });

  // The address bar and its error live in one container: widgets placed directly in a QToolBar
  // must be shown and hidden through their actions, which would spread this state around.
  auto* address_box = new QWidget(toolbar);
  auto* address_layout = new QHBoxLayout(address_box);
  address_layout->setContentsMargins(0, 0, 0, 0);
  address_ = new QLineEdit(address_box);
  address_->setObjectName(QStringLiteral("addressBar"));
  address_->setPlaceholderText(tr("Type a URL: demo://home, https://example.com/x"));
  address_->setClearButtonEnabled(true);
  connect(address_, &QLineEdit::returnPressed, this, &MainWindow::onAddressEntered);
  connect(address_, &QLineEdit::textEdited, this, [this] { clearAddressError(); });
  address_error_ = new QLabel(address_box);
  address_error_->setObjectName(QStringLiteral("addressError"));
  address_error_->setStyleSheet(QStringLiteral("color:#c5221f;padding:0 6px;"));
  address_error_->setVisible(false);
  address_layout->addWidget(address_, 1);
  address_layout->addWidget(address_error_);
  toolbar->addWidget(address_box);

  loading_ = new QProgressBar(toolbar);
  loading_->setRange(0, 0);  // busy indicator
  loading_->setMaximumWidth(60);
  loading_->setMaximumHeight(10);
  loading_->setTextVisible(false);
  loading_->setToolTip(tr("Loading: waiting for the renderer's first display list"));
  loading_action_ = toolbar->addWidget(loading_);  // a toolbar widget is shown through its action

  process_button_ = new QToolButton(toolbar);
  process_button_->setText(tr("Renderer"));
  process_button_->setToolTip(tr("Kill, crash or hang this tab's renderer, or the GPU process"));
  process_button_->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(process_button_);
  menu->addAction(tr("Kill renderer (SIGKILL)"), this, [this] { killCurrent(SIGKILL); });
  menu->addAction(tr("Crash renderer (SIGSEGV)"), this, [this] { faultCurrent(wire::DebugFault::KIND_SEGV); });
  menu->addAction(tr("Hang renderer (busy loop)"), this, [this] { faultCurrent(wire::DebugFault::KIND_HANG); });
  menu->addAction(tr("Terminate renderer (SIGTERM)"), this, [this] { killCurrent(SIGTERM); });
  menu->addSeparator();
  menu->addAction(tr("Kill GPU process (SIGKILL)"), this, [this] {
    if (!browser_.gpu().sendSignal(SIGKILL)) statusBar()->showMessage(tr("No GPU process is running"), 5000);
  });
  menu->addAction(tr("Crash GPU process (SIGSEGV)"), this, [this] {
    if (!browser_.gpu().sendFault(wire::DebugFault::KIND_SEGV)) {
      statusBar()->showMessage(tr("No GPU process is running"), 5000);
    }
  });
  retry_gpu_ = menu->addAction(tr("Retry GPU process"), this, [this] { browser_.gpu().retry(); });
  menu->addSeparator();
  for (auto type : ipc::kPluginTypes) {
    const std::string name(type);
    menu->addAction(tr("Kill %1 plugin (SIGKILL)").arg(QString::fromStdString(name)), this, [this, name] {
      if (!browser_.plugins().sendSignal(name, SIGKILL)) {
        statusBar()->showMessage(tr("No %1 plugin process is running").arg(QString::fromStdString(name)), 5000);
      }
    });
  }
  process_button_->setMenu(menu);
  toolbar->addWidget(process_button_);
}

void MainWindow::buildActions() {
  auto add = [this](const QString& text, QList<QKeySequence> keys, auto slot) {
    auto* action = new QAction(text, this);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
  };
  add(tr("Task manager"), {QKeySequence(Qt::SHIFT | Qt::Key_Escape)}, [this] {
    TaskManager* manager = taskManager();
    manager->show();
    manager->raise();
    manager->activateWindow();
  });
  add(tr("Frame debug overlay"), {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G)}, [this] {
    debug_overlay_ = !debug_overlay_;
    for (int id : browser_.tabIds()) {
      if (TabView* view = tabView(id)) view->pageView()->setDebugOverlay(debug_overlay_);
    }
  });
  add(tr("New tab"), {QKeySequence(Qt::CTRL | Qt::Key_T)}, [this] {
    openTab(QStringLiteral("demo://home"));
    address_->setFocus(Qt::ShortcutFocusReason);
    address_->selectAll();
  });
  add(tr("Close tab"), {QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::CTRL | Qt::Key_F4)},
      [this] { closeTabByUser(currentTabId()); });
  add(tr("Focus address bar"), {QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::ALT | Qt::Key_D), QKeySequence(Qt::Key_F6)},
      [this] {
        address_->setFocus(Qt::ShortcutFocusReason);
        address_->selectAll();
      });
  reload_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
  back_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
  forward_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
  add(tr("Next tab"), {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)},
      [this] { selectRelativeTab(1); });
  add(tr("Previous tab"),
      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
       QKeySequence(Qt::CTRL | Qt::Key_PageUp)},
      [this] { selectRelativeTab(-1); });
  for (int n = 1; n <= 8; ++n) {
    add(tr("Tab %1").arg(n), {QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + n))},
        [this, n] { selectTabIndex(n - 1); });
  }
  add(tr("Last tab"), {QKeySequence(Qt::CTRL | Qt::Key_9)}, [this] { selectTabIndex(strip_->count() - 1); });
  add(tr("Quit"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q)}, [this] { close(); });
  // Chrome has no Linux shortcut for its settings; Ctrl+, is the usual one elsewhere.
  QAction* settings = add(tr("Settings…"), {QKeySequence(Qt::CTRL | Qt::Key_Comma)}, [this] { openSettings(); });
  settings->setObjectName(QStringLiteral("openSettings"));
  process_button_->menu()->addSeparator();
  process_button_->menu()->addAction(settings);
}

void MainWindow::openTab(const QString& url) {
  auto opened = browser_.openTab(url);
  if (auto* error = std::get_if<QString>(&opened)) {
    address_->setText(url);
    showAddressError(*error);
    return;
  }
  const int index = indexOfTab(std::get<int>(opened));
  if (index >= 0) strip_->setCurrentIndex(index);
}

int MainWindow::currentTabId() const {
  const int index = strip_->currentIndex();
  return index >= 0 ? strip_->tabData(index).toInt() : 0;
}

int MainWindow::indexOfTab(int tab_id) const {
  for (int i = 0; i < strip_->count(); ++i) {
    if (strip_->tabData(i).toInt() == tab_id) return i;
  }
  return -1;
}

void MainWindow::onTabOpened(int tab_id) {
  if (views_.contains(tab_id)) return;
  auto* view = new TabView(browser_, tab_id, pages_);
  view->pageView()->setDebugOverlay(debug_overlay_);
  views_.insert(tab_id, view);
  pages_->addWidget(view);
  connect(view, &TabView::linkHovered, this, [this](const QString& href) {
    if (href.isEmpty()) {
      statusBar()->clearMessage();
    } else {
      statusBar()->showMessage(href);
    }
  });
  const int index = strip_->addTab(QString());
  strip_->setTabData(index, tab_id);
  strip_->setTabButton(index, QTabBar::LeftSide, new PidBadge(strip_));
  onTabChanged(tab_id);
}

void MainWindow::onTabClosed(int tab_id) {
  const int index = indexOfTab(tab_id);
  if (index >= 0) strip_->removeTab(index);
  if (TabView* view = views_.take(tab_id)) {
    pages_->removeWidget(view);
    view->deleteLater();
  }
}

void MainWindow::onTabChanged(int tab_id) {
  const Tab* tab = browser_.tab(tab_id);
  const int index = indexOfTab(tab_id);
  if (!tab || index < 0) return;
  QString title = tab->title.isEmpty() ? tab->url.toString() : tab->title;
  strip_->setTabText(index, title.length() > 28 ? title.left(27) + QChar(0x2026) : title);
  strip_->setTabToolTip(index, QStringLiteral("%1\n%2").arg(title, tab->url.toString()));
  switch (tab->state) {
    case TabState::kLoading: strip_->setTabIcon(index, loadingIcon()); break;
    case TabState::kLoaded: strip_->setTabIcon(index, loadedIcon()); break;
    case TabState::kCrashed: strip_->setTabIcon(index, crashedIcon()); break;
    case TabState::kUnresponsive: strip_->setTabIcon(index, hungIcon()); break;
  }
  strip_->setTabTextColor(index, tab->state == TabState::kCrashed ? QColor(0xc5, 0x22, 0x1f) : QColor());
  updateBadge(tab_id);
  // Its title is in the badge tooltips of the tabs that share its renderer.
  if (tab->renderer) {
    for (int other : browser_.tabsOf(tab->renderer)) {
      if (other != tab_id) updateBadge(other);
    }
  }
  if (TabView* view = tabView(tab_id)) view->refresh();
  if (tab_id == currentTabId()) updateToolbar();
}

void MainWindow::updateBadge(int tab_id) {
  const Tab* tab = browser_.tab(tab_id);
  const int index = indexOfTab(tab_id);
  if (!tab || index < 0) return;
  auto* badge = qobject_cast<PidBadge*>(strip_->tabButton(index, QTabBar::LeftSide));
  if (!badge || !badge->showTab(browser_, *tab)) return;
  // Re-attaching makes the strip lay the tab out for the new width. Detach first: setTabButton
  // hides the previous widget after showing the new one, and here they are the same widget.
  strip_->setTabButton(index, QTabBar::LeftSide, nullptr);
  strip_->setTabButton(index, QTabBar::LeftSide, badge);
}

void MainWindow::onTabCrashed(int tab_id) {
  const Tab* tab = browser_.tab(tab_id);
  if (!tab) return;
  statusBar()->showMessage(tr("Tab \"%1\": renderer pid %2 %3. The other tabs are unaffected.")
                               .arg(tab->title)
                               .arg(tab->crashed_pid)
                               .arg(tab->crash_reason),
                           8000);
}

void MainWindow::onCurrentIndexChanged(int) {
  if (TabView* view = tabView(currentTabId())) pages_->setCurrentWidget(view);
  clearAddressError();
  updateToolbar();
}

void MainWindow::updateToolbar() {
  const Tab* tab = browser_.tab(currentTabId());
  back_->setEnabled(tab && !tab->back.empty());
  forward_->setEnabled(tab && !tab->forward.empty());
  reload_->setEnabled(tab != nullptr);
  process_button_->setEnabled(tab && tab->renderer);
  loading_action_->setVisible(tab && tab->state == TabState::kLoading);
  if (!tab) {
    address_->clear();
    process_status_->clear();
    setWindowTitle(tr("Sandbrowser"));
    return;
  }
  // Don't overwrite what the person is typing.
  if (!address_->hasFocus() || !address_->isModified()) {
    address_->setText(tab->url.toString());
    address_->setModified(false);
  }
  setWindowTitle(tr("%1 - Sandbrowser").arg(tab->title));
  if (tab->state == TabState::kCrashed) {
    process_status_->setText(tr("renderer pid %1: %2").arg(tab->crashed_pid).arg(tab->crash_reason));
  } else {
    QString sandbox = tr("sandbox off");
    if (browser_.options().sandbox && tab->renderer && tab->renderer->state() == ProcessHost::State::kRunning) {
      const auto layers = tab->renderer->sandboxLayers();
      const auto engaged = std::count_if(layers.begin(), layers.end(), [](const auto& l) { return l.engaged(); });
      sandbox = tr("sandbox %1/%2").arg(engaged).arg(layers.size());
    } else if (browser_.options().sandbox) {
      sandbox = tr("sandbox pending");
    }
    const QString renderer = tab->renderer && tab->renderer->inProcess()
                                 ? tr("renderer thread in pid %1").arg(tab->renderer_pid)
                                 : tr("renderer pid %1").arg(tab->renderer_pid);
    process_status_->setText(tr("%1 · %2 · %3").arg(renderer, tabStateText(tab->state), sandbox));
  }
}

void MainWindow::updateProcessCount() {
  const auto renderers = browser_.renderers();
  const auto threads = std::count_if(renderers.begin(), renderers.end(),
                                     [](const ProcessHost* host) { return host->inProcess(); });
  const auto processes = static_cast<int>(renderers.size() - static_cast<size_t>(threads));
  QStringList parts;
  if (processes > 0 || threads == 0) parts << tr("renderer processes: %n", "", processes);
  if (threads > 0) parts << tr("renderer threads: %n", "", static_cast<int>(threads));
  const QString count = parts.join(QStringLiteral(" · "));
  renderer_count_->setText(count);
  // A tab joined or left a renderer: the badges of the tabs that share one change with it.
  for (int id : browser_.tabIds()) updateBadge(id);
}

void MainWindow::updateProcessModelStatus() {
  const Browser::Options& options = browser_.options();
  process_model_status_->setText(processModelSummary(options.process_model, options.renderer_process_limit));
}

// Window-modal but not blocking (open, not exec): the pages go on running behind it.
void MainWindow::openSettings() {
  auto* dialog = new SettingsDialog(browser_, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
}

void MainWindow::onAddressEntered() {
  const int tab_id = currentTabId();
  if (tab_id == 0) {
    openTab(address_->text());
    return;
  }
  auto result = browser_.navigate(tab_id, address_->text());
  if (!result.ok) {
    showAddressError(result.error);
    return;
  }
  clearAddressError();
  address_->setModified(false);
  if (TabView* view = tabView(tab_id)) view->pageView()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showAddressError(const QString& message) {
  address_->setStyleSheet(QStringLiteral("QLineEdit{border:2px solid #c5221f;border-radius:3px;}"));
  address_->setToolTip(message);
  address_error_->setText(message);
  address_error_->setVisible(true);
  statusBar()->showMessage(message, 8000);
}

void MainWindow::clearAddressError() {
  if (address_error_->text().isEmpty()) return;
  address_->setStyleSheet(QString());
  address_->setToolTip(QString());
  address_error_->clear();
  address_error_->setVisible(false);
}

void MainWindow::closeTabByUser(int tab_id) {
  if (tab_id == 0) return;
  browser_.closeTab(tab_id);
  if (strip_->count() == 0) close();  // closing the last tab closes the window, as in Chrome
}

void MainWindow::showTabMenu(const QPoint& pos) {
  const int index = strip_->tabAt(pos);
  if (index < 0) return;
  const int tab_id = strip_->tabData(index).toInt();
  const Tab* tab = browser_.tab(tab_id);
  if (!tab) return;
  QMenu menu(this);
  menu.addAction(tr("Reload"), this, [this, tab_id] { browser_.reload(tab_id); });
  menu.addAction(tr("Close tab"), this, [this, tab_id] { closeTabByUser(tab_id); });
  menu.addSeparator();
  const bool alive = tab->renderer != nullptr;
  menu.addAction(tr("Kill renderer (SIGKILL)"), this, [this, tab_id] { browser_.killRenderer(tab_id, SIGKILL); })
      ->setEnabled(alive);
  menu.addAction(tr("Crash renderer (SIGSEGV)"), this,
                 [this, tab_id] { browser_.faultRenderer(tab_id, wire::DebugFault::KIND_SEGV); })
      ->setEnabled(alive);
  menu.addAction(tr("Hang renderer (busy loop)"), this,
                 [this, tab_id] { browser_.faultRenderer(tab_id, wire::DebugFault::KIND_HANG); })
      ->setEnabled(alive);
  menu.addAction(tr("Terminate renderer (SIGTERM)"), this, [this, tab_id] { browser_.killRenderer(tab_id, SIGTERM); })
      ->setEnabled(alive);
  menu.exec(strip_->mapToGlobal(pos));
}

void MainWindow::killCurrent(int signal) {
  auto result = browser_.killRenderer(currentTabId(), signal);
  if (!result.ok) statusBar()->showMessage(result.error, 5000);
}

void MainWindow::faultCurrent(wire::DebugFault::Kind kind) {
  auto result = browser_.faultRenderer(currentTabId(), kind);
  if (!result.ok) statusBar()->showMessage(result.error, 5000);
}

void MainWindow::selectRelativeTab(int delta) {
  const int count = strip_->count();
  if (count == 0) return;
  strip_->setCurrentIndex((strip_->currentIndex() + delta + count) % count);
}

void MainWindow::selectTabIndex(int index) {
  if (index >= 0 && index < strip_->count()) strip_->setCurrentIndex(index);
}

// Quitting asks every renderer to leave (Shutdown, then SIGKILL after the grace period); the
// application quits when Browser::shutdownComplete fires, so no child outlives the window.
void MainWindow::closeEvent(QCloseEvent* event) {
  if (!quitting_) {
    quitting_ = true;
    browser_.shutdownAll();
  }
  event->accept();
}

// The crash reports in their own dock, and in the Renderer menu the action that shows it and the
// automatic reload of crashed tabs (off by default, so a killed tab stays sad until reloaded).
void MainWindow::buildCrashesDock() {
  auto* dock = new QDockWidget(tr("Crashes"), this);
  dock->setObjectName(QStringLiteral("crashesDock"));
  crashes_panel_ = new CrashesPanel(browser_, dock);
  dock->setWidget(crashes_panel_);
  addDockWidget(Qt::BottomDockWidgetArea, dock);
  dock->hide();
  auto* show = new QAction(tr("Crash reports"), this);
  show->setObjectName(QStringLiteral("showCrashReports"));
  show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
  connect(show, &QAction::triggered, dock, [dock] {
    dock->show();
    dock->raise();
  });
  addAction(show);
  QMenu* menu = process_button_->menu();
  menu->addSeparator();
  menu->addAction(show);
  QAction* auto_reload = menu->addAction(tr("Reload crashed tabs automatically"));
  auto_reload->setObjectName(QStringLiteral("autoReloadCrashed"));
  auto_reload->setCheckable(true);
  auto_reload->setChecked(browser_.autoReloadCrashed());
  connect(auto_reload, &QAction::toggled, this, [this](bool on) { browser_.setAutoReloadCrashed(on); });
}

}  // namespace sb::browser
