#pragma once

#include "apps/renderer/in_process/renderer_thread.h"
#include "common/process/launcher.h"

namespace sb::browser {

// What the renderer threads are called (comm, at most 15 characters).
inline constexpr const char* kRendererThreadName = "sb-renderer";

// The single-process model's "launch": the same renderer code on a new thread of this process,
// over a socketpair, so ProcessHost, the inspector and the policy see the same messages as with a
// child. The LaunchedChild's pid is the browser's own and it has no pidfd (there is no process to
// signal); its exit_report receives one InitReport::kProgramEnded record when the thread's loop
// ends. The thread is detached: a hung one cannot be stopped, only abandoned.
process::LaunchResult launchRendererThread(renderer::BeforeProcessFault before_fault);

}  // namespace sb::browser
