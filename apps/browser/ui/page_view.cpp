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

void PageView::setDebugOverlay(bool on) {
  if (debug_overlay_ == on) return;
  debug_overlay_ = on;
  update();
}

QString PageView::frameSourceText() const {
  if (const GpuHost::Frame* frame = browser_.gpu().frame(tab_id_)) {
    return tr("GPU frame %1 · buffer %2%3")
        .arg(frame->frame_number)
        .arg(frame->buffer_index)
        .arg(frame->stale ? tr(" · stale") : QString());
  }
  return tr("software (browser process)");
}

void PageView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const GpuHost::Frame* frame = browser_.gpu().frame(tab_id_);
  if (frame) {
    // The frame is the viewport the renderer laid out for; a freshly resized widget shows it at
    // the top left until the next one arrives.
    painter.fillRect(rect(), list_ ? paint::colorFromArgb(list_->background_argb()) : palette().base().color());
    painter.drawImage(QPoint(0, 0), frame->image);
  } else if (list_) {
    paint::paintDisplayList(painter, *list_, rect());
  } else {
    painter.fillRect(rect(), palette().base());
  }
  if (dimmed_) painter.fillRect(rect(), QColor(255, 255, 255, 140));
  if (frame && frame->stale) {
    painter.fillRect(rect(), QColor(80, 80, 80, 120));
    QFont font = painter.font();
    font.setPixelSize(20);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(rect(), Qt::AlignCenter, tr("GPU process restarting\u2026"));
  }
  if (debug_overlay_) {
    const QString text = frameSourceText();
    QFont font = painter.font();
    font.setPixelSize(12);
    font.setBold(false);
    painter.setFont(font);
    const QRect box = painter.fontMetrics().boundingRect(text).adjusted(-6, -4, 6, 4);
    const QRect placed(width() - box.width() - 8, 8, box.width(), box.height());
    painter.fillRect(placed, QColor(0, 0, 0, 170));
    painter.setPen(Qt::white);
    painter.drawText(placed, Qt::AlignCenter, text);
  }
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
