#include "apps/browser/ui/sad_tab_view.h"

#include <QPainter>
#include <QVBoxLayout>

namespace sb::browser {
namespace {

// A centred widget gets its size hint, which for wrapped text can be a line short (and a
// translation's lines differ): make the label as tall as its text at its fixed width.
void fitHeight(QLabel* label) {
  label->setFixedHeight(label->heightForWidth(label->maximumWidth()));
}

}  // namespace

SadTabView::SadTabView(QWidget* parent) : QWidget(parent) {
  setAutoFillBackground(false);
  auto* layout = new QVBoxLayout(this);
  layout->addStretch(3);
  layout->addSpacing(150);  // room for the face painted above the text
  heading_ = new QLabel(tr("Aw, snap! This tab's renderer died."), this);
  QFont big = heading_->font();
  big.setPixelSize(24);
  big.setBold(true);
  heading_->setFont(big);
  details_ = new QLabel(this);
  details_->setObjectName(QStringLiteral("sadTabReason"));
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QFont mono = details_->font();
  mono.setPixelSize(15);
  details_->setFont(mono);
  note_ = new QLabel(this);
  note_->setObjectName(QStringLiteral("sadTabNote"));
  note_->setWordWrap(true);
  note_->setFixedWidth(560);
  note_->setAlignment(Qt::AlignHCenter);
  note_->hide();
  explanation_ = new QLabel(tr("Only this tab was affected: every other tab runs in its own process and keeps "
                               "running. Whatever this page held (typed text, scroll position) was in the dead "
                               "process and is gone. Reload starts a fresh renderer."),
                            this);
  explanation_->setWordWrap(true);
  // Centred widgets get their size hint, which for wrapped text is narrow: fix the width instead.
  explanation_->setFixedWidth(560);
  fitHeight(explanation_);
  reload_ = new QPushButton(tr("Reload"), this);
  reload_->setObjectName(QStringLiteral("sadTabReload"));
  reload_->setDefault(true);
  reload_->setMinimumWidth(120);
  connect(reload_, &QPushButton::clicked, this, &SadTabView::reloadRequested);
  for (QWidget* w : {static_cast<QWidget*>(heading_), static_cast<QWidget*>(details_), static_cast<QWidget*>(note_),
                     static_cast<QWidget*>(explanation_), static_cast<QWidget*>(reload_)}) {
    layout->addWidget(w, 0, Qt::AlignHCenter);
  }
  layout->addStretch(4);
  explanation_->setAlignment(Qt::AlignHCenter);
  QPalette light = palette();
  light.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
  for (QLabel* label : {heading_, details_, explanation_}) label->setPalette(light);
  QPalette warning = palette();
  warning.setColor(QPalette::WindowText, QColor(0xfd, 0xd6, 0x63));
  note_->setPalette(warning);
}

void SadTabView::setCrash(const QString& reason, qint64 pid, const QString& url) {
  details_->setText(pid > 0 ? tr("Renderer pid %1: %2").arg(pid).arg(reason) : reason);
  setToolTip(url);
}

void SadTabView::setNote(const QString& note) {
  note_->setText(note);
  fitHeight(note_);
  note_->setVisible(!note.isEmpty());
}

// A simple sad face, so the state is recognisable at a glance across the room.
void SadTabView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), QColor(0x32, 0x36, 0x3d));
  painter.setRenderHint(QPainter::Antialiasing);
  const QPoint centre(width() / 2, heading_->geometry().top() - 90);
  painter.setPen(QPen(QColor(0xe8, 0xea, 0xed), 5));
  painter.setBrush(Qt::NoBrush);
  painter.drawRoundedRect(QRect(centre.x() - 55, centre.y() - 55, 110, 110), 16, 16);
  painter.setBrush(QColor(0xe8, 0xea, 0xed));
  painter.drawEllipse(QPoint(centre.x() - 22, centre.y() - 14), 6, 6);
  painter.drawEllipse(QPoint(centre.x() + 22, centre.y() - 14), 6, 6);
  painter.setBrush(Qt::NoBrush);
  painter.drawArc(QRect(centre.x() - 26, centre.y() + 14, 52, 36), 20 * 16, 140 * 16);
}

}  // namespace sb::browser
