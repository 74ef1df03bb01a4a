#include "apps/browser/ui/tab_icons.h"

#include <QPainter>
#include <QPixmap>

namespace sb::browser {
namespace {

QPixmap canvas() {
  QPixmap pixmap(32, 32);
  pixmap.fill(Qt::transparent);
  return pixmap;
}

QIcon circleIcon(QColor fill, QColor mark, bool sad) {
  QPixmap pixmap = canvas();
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(fill);
  painter.drawEllipse(QRect(2, 2, 28, 28));
  painter.setBrush(mark);
  painter.drawEllipse(QPoint(11, 13), 3, 3);
  painter.drawEllipse(QPoint(21, 13), 3, 3);
  painter.setPen(QPen(mark, 2.5));
  painter.setBrush(Qt::NoBrush);
  if (sad) {
    painter.drawArc(QRect(9, 19, 14, 9), 20 * 16, 140 * 16);
  } else {
    painter.drawLine(10, 22, 22, 22);
  }
  return QIcon(pixmap);
}

}  // namespace

QIcon loadingIcon() {
  QPixmap pixmap = canvas();
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(QColor(0x1a, 0x73, 0xe8), 4, Qt::SolidLine, Qt::RoundCap));
  painter.drawArc(QRect(5, 5, 22, 22), 90 * 16, 270 * 16);
  return QIcon(pixmap);
}

QIcon loadedIcon() {
  QPixmap pixmap = canvas();
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(0x5f, 0x63, 0x68));
  painter.drawRoundedRect(QRect(6, 4, 20, 24), 3, 3);
  painter.setBrush(Qt::white);
  for (int y : {10, 15, 20}) painter.drawRect(QRect(10, y, 12, 2));
  return QIcon(pixmap);
}

QIcon crashedIcon() { return circleIcon(QColor(0xd9, 0x30, 0x25), Qt::white, true); }
QIcon hungIcon() { return circleIcon(QColor(0xf9, 0xab, 0x00), Qt::black, false); }

}  // namespace sb::browser
