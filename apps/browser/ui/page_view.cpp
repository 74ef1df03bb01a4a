#include "apps/browser/ui/page_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include "apps/browser/core/browser.h"
#include "common/paint/display_list_painter.h"

namespace sb::browser {
namespace {
constexpr int kPixelsPerWheelNotch = 48;
}

PageView::PageView(Browser& browser, int tab_id, QWidget* parent)
    : QWidget(parent), browser_(browser), tab_id_(tab_id) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(200, 150);
}

void PageView::setDisplayList(std::shared_ptr<const wire::DisplayList> list) {
  list_ = std::move(list);
  update();
}

void PageView::setDimmed(bool dimmed) {
  if (dimmed_ == dimmed) return;
  dimmed_ = dimmed;
  update();
}

void PageView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  if (!list_) {
    painter.fillRect(rect(), palette().base());
    return;
  }
  paint::paintDisplayList(painter, *list_, rect());
  if (dimmed_) painter.fillRect(rect(), QColor(255, 255, 255, 140));
}

void PageView::mousePressEvent(QMouseEvent* event) {
  setFocus(Qt::MouseFocusReason);
  if (event->button() != Qt::LeftButton) return;
  wire::InputEvent input;
  input.mutable_click()->set_x(event->position().toPoint().x());
  input.mutable_click()->set_y(event->position().toPoint().y());
  browser_.sendInput(tab_id_, input);
}

void PageView::mouseMoveEvent(QMouseEvent* event) {
  const wire::LinkArea* link = list_ ? paint::linkAt(*list_, event->position().toPoint()) : nullptr;
  const QString href = link ? QString::fromStdString(link->href()) : QString();
  if (href == hovered_href_) return;
  hovered_href_ = href;
  setCursor(link ? Qt::PointingHandCursor : Qt::ArrowCursor);
  emit linkHovered(href);
}

void PageView::wheelEvent(QWheelEvent* event) {
  const int notches = event->angleDelta().y() / 120;
  if (notches == 0) return;
  wire::InputEvent input;
  input.mutable_scroll()->set_delta_y(-notches * kPixelsPerWheelNotch);
  browser_.sendInput(tab_id_, input);
  event->accept();
}

void PageView::keyPressEvent(QKeyEvent* event) {
  wire::InputEvent input;
  auto* key = input.mutable_key();
  switch (event->key()) {
    case Qt::Key_Backspace: key->set_special(wire::KeyInput::SPECIAL_BACKSPACE); break;
    case Qt::Key_Return:
    case Qt::Key_Enter: key->set_special(wire::KeyInput::SPECIAL_ENTER); break;
    case Qt::Key_Tab: key->set_special(wire::KeyInput::SPECIAL_TAB); break;
    case Qt::Key_PageDown:
    case Qt::Key_PageUp:
    case Qt::Key_Down:
    case Qt::Key_Up: {
      const int page = height() * 9 / 10;
      const int step = (event->key() == Qt::Key_PageDown || event->key() == Qt::Key_PageUp) ? page : 40;
      const bool down = event->key() == Qt::Key_PageDown || event->key() == Qt::Key_Down;
      input.mutable_scroll()->set_delta_y(down ? step : -step);
      break;
    }
    default: {
      const QString text = event->text();
      if (text.isEmpty() || !text.at(0).isPrint() || (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        QWidget::keyPressEvent(event);  // shortcuts belong to the window
        return;
      }
      key->set_text(text.toStdString());
    }
  }
  browser_.sendInput(tab_id_, input);
  event->accept();
}

// Tab belongs to the page (form fields), as in a real browser.
bool PageView::focusNextPrevChild(bool) { return false; }

void PageView::resizeEvent(QResizeEvent*) { browser_.resizeViewport(tab_id_, size()); }

}  // namespace sb::browser
