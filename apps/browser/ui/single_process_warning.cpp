#include "apps/browser/ui/single_process_warning.h"

#include <QMessageBox>

namespace sb::browser {

bool explainSingleProcessFault(QWidget* parent, const QString& what, QSettings& settings) {
  if (settings.value(QLatin1String(kSingleProcessFaultExplainedKey)).toBool()) return false;
  // Remembered before the box opens: the browser is gone a moment after it closes.
  settings.setValue(QLatin1String(kSingleProcessFaultExplainedKey), true);
  settings.sync();
  QMessageBox box(QMessageBox::Warning, QObject::tr("The whole browser is about to crash"),
                  QObject::tr("A renderer is about to fault: %1.").arg(what), QMessageBox::Ok, parent);
  box.setObjectName(QStringLiteral("singleProcessFaultBox"));
  box.setInformativeText(QObject::tr(
      "In the single-process model every renderer is a thread of the browser process. Threads "
      "share one address space and one fate: a fault in one of them ends the process, so every "
      "tab and the window close together. In the per-tab or per-site model only the tabs of that "
      "renderer would show a sad tab.\n\nThis explanation is shown once."));
  box.exec();
  return true;
}

}  // namespace sb::browser
