#include "apps/browser/ui/tab_strip.h"

#include <QMouseEvent>

namespace sb::browser {

TabStrip::TabStrip(QWidget* parent) : QTabBar(parent) {
  setMovable(true);
  setTabsClosable(true);
  setExpanding(false);
  setElideMode(Qt::ElideRight);
  setDocumentMode(true);
  setUsesScrollButtons(true);
  setContextMenuPolicy(Qt::CustomContextMenu);
}

void TabStrip::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton) {
    const int index = tabAt(event->position().toPoint());
    if (index >= 0) {
      emit middleClicked(index);
      return;
    }
  }
  QTabBar::mouseReleaseEvent(event);
}

}  // namespace sb::browser
