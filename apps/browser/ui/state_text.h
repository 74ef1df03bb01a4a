#pragma once

#include <QString>

#include "apps/browser/core/gpu_host.h"
#include "apps/browser/core/tab.h"
#include "sandbrowser.pb.h"

namespace sb::browser {

// The words the window shows for states and kinds. The core's names (tabStateName and the like)
// stay English: the control socket and the logs use them as identifiers. In English these return
// the same words.
QString tabStateText(TabState state);
QString processKindText(wire::ProcessKind kind);
QString gpuModeText(GpuHost::Mode mode);

}  // namespace sb::browser
