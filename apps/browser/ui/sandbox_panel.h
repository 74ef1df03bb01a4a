#pragma once

#include <QDockWidget>
#include <QLabel>
#include <QTimer>
#include <QTreeWidget>

namespace sb::browser {

class Browser;

// "Sandbox" dock, in the spirit of chrome://sandbox: every child process with each sandbox layer,
// whether it engaged, and what it allows or why it could not engage.
class SandboxPanel : public QDockWidget {
  Q_OBJECT

 public:
  SandboxPanel(Browser& browser, QWidget* parent = nullptr);
  QTreeWidget* tree() const { return tree_; }
  void refresh();

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  Browser& browser_;
  QLabel* summary_;
  QTreeWidget* tree_;
  QTimer refresh_timer_;  // only while visible: layers change when processes come and go
};

}  // namespace sb::browser
