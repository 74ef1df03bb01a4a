#pragma once

#include <QPainter>
#include <QRect>

#include "sandbrowser.pb.h"

namespace sb::paint {

// Paints a validated DisplayList into `target` (the viewport, origin at its top-left). Items are
// painted in order; nothing outside `target` is touched.
void paintDisplayList(QPainter& painter, const wire::DisplayList& list, const QRect& target);

// The link under a viewport point, if any (the last one painted wins, as it is on top).
const wire::LinkArea* linkAt(const wire::DisplayList& list, QPoint point);

QColor colorFromArgb(uint32_t argb);

}  // namespace sb::paint
