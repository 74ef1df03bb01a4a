#pragma once

#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMap>
#include <QProgressBar>
#include <QStackedWidget>
#include <QToolButton>

#include "sandbrowser.pb.h"

namespace sb::browser {

class Browser;
class TabStrip;
class TabView;
class SandboxPanel;
class TaskManager;
class CrashesPanel;
class IpcInspector;

// The browser window: tab strip, toolbar with address bar, the tabs' content, status bar. It holds
// no state of its own about tabs beyond which widget shows which tab; the Browser is the model.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(Browser& browser, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a tab and shows it; an invalid URL is reported in the address bar.
  void openTab(const QString& url);

  int currentTabId() const;
  TabView* tabView(int tab_id) const { return views_.value(tab_id, nullptr); }
  QLineEdit* addressBar() const { return address_; }
  QLabel* addressError() const { return address_error_; }
  TabStrip* tabStrip() const { return strip_; }
  int indexOfTab(int tab_id) const;
  SandboxPanel* sandboxPanel() const { return sandbox_panel_; }
  // Created on first use (Shift+Esc).
  TaskManager* taskManager();
  // In the "Crashes" dock, hidden until Ctrl+Shift+K or the Renderer menu shows it.
  CrashesPanel* crashesPanel() const { return crashes_panel_; }
  IpcInspector* inspector() const { return inspector_; }
  QDockWidget* inspectorDock() const { return inspector_dock_; }
  // The panels --show-panel names, and showing one by that name (false for an unknown name).
  static QStringList panelNames();
  bool showPanel(const QString& name);
  // Shows a saved log in the inspector (--open-log); false and why when it cannot be read.
  bool openIpcLog(const QString& path, QString* error);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildToolbar();
  void buildActions();
  void buildCrashesDock();
  void buildInspector();
  // Help → Guided tour (F1): demo://tour in a new tab.
  void buildHelpMenu();
  void onTabOpened(int tab_id);
  void onTabClosed(int tab_id);
  void onTabChanged(int tab_id);
  void onTabCrashed(int tab_id);
  void onCurrentIndexChanged(int index);
  void onAddressEntered();
  void showAddressError(const QString& message);
  void clearAddressError();
  void updateToolbar();
  void updateProcessCount();
  void updateGpuStatus();
  void updateProcessModelStatus();
  void updateBadge(int tab_id);
  void openSettings();
  void closeTabByUser(int tab_id);
  void showTabMenu(const QPoint& pos);
  void killCurrent(int signal);
  void faultCurrent(wire::DebugFault::Kind kind);
  void selectRelativeTab(int delta);
  void selectTabIndex(int index);

  Browser& browser_;
  TabStrip* strip_;
  QStackedWidget* pages_;
  QLineEdit* address_;
  QLabel* address_error_;
  QProgressBar* loading_;
  QAction* loading_action_;
  QToolButton* process_button_;
  QLabel* process_status_;
  QLabel* renderer_count_;
  QLabel* gpu_status_;
  QLabel* process_model_status_;
  QAction* retry_gpu_;
  bool debug_overlay_ = false;
  SandboxPanel* sandbox_panel_;
  TaskManager* task_manager_ = nullptr;
  CrashesPanel* crashes_panel_ = nullptr;
  IpcInspector* inspector_ = nullptr;
  QDockWidget* inspector_dock_ = nullptr;
  QAction* back_;
  QAction* forward_;
  QAction* reload_;
  QMap<int, TabView*> views_;
  bool quitting_ = false;
};

}  // namespace sb::browser
