#pragma once

#include <QTabBar>

namespace sb::browser {

// The tab strip: movable, closable, and a middle click closes a tab, as in Chrome.
class TabStrip : public QTabBar {
  Q_OBJECT

 public:
  explicit TabStrip(QWidget* parent = nullptr);

 signals:
  void middleClicked(int index);

 protected:
  void mouseReleaseEvent(QMouseEvent* event) override;
};

}  // namespace sb::browser
