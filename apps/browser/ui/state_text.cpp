#include "apps/browser/ui/state_text.h"

#include <QCoreApplication>

#include "apps/browser/core/process_host.h"

namespace sb::browser {
namespace {

QString text(const char* source) {
  return QCoreApplication::translate("sb::browser::StateText", source);
}

}  // namespace

QString tabStateText(TabState state) {
  switch (state) {
    case TabState::kLoading:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "loading"));
    case TabState::kLoaded:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "loaded"));
    case TabState::kCrashed:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "crashed"));
    case TabState::kUnresponsive:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "unresponsive"));
  }
  return QLatin1String(tabStateName(state));
}

QString processKindText(wire::ProcessKind kind) {
  switch (kind) {
    case wire::PROCESS_KIND_BROWSER:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "browser"));
    case wire::PROCESS_KIND_RENDERER:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "renderer"));
    case wire::PROCESS_KIND_GPU:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "gpu"));
    case wire::PROCESS_KIND_PLUGIN:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "plugin"));
    default:
      return QLatin1String(processKindName(kind));
  }
}

QString gpuModeText(GpuHost::Mode mode) {
  switch (mode) {
    case GpuHost::Mode::kOff:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "off"));
    case GpuHost::Mode::kStarting:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "starting"));
    case GpuHost::Mode::kRunning:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "running"));
    case GpuHost::Mode::kRestarting:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "restarting"));
    case GpuHost::Mode::kSoftware:
      return text(QT_TRANSLATE_NOOP("sb::browser::StateText", "software"));
  }
  return QLatin1String(gpuModeName(mode));
}

}  // namespace sb::browser
