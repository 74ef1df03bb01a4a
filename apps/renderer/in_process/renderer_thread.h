#pragma once

#include <functional>
#include <string>

#include "common/base/unique_fd.h"

namespace sb::renderer {

// Called on a renderer thread just before a fault that ends the whole process (a crash, abort(),
// exit()), with what it is about to do. The fault happens when this returns true; false means the
// browser is quitting meanwhile, and the fault is dropped so that quitting is not a crash.
using BeforeProcessFault = std::function<bool(const std::string& what)>;

// The single-process model's renderer: serves the browser on `channel` from the calling thread,
// which is a thread of the browser process, until Shutdown or until the browser closes its end.
// No sandbox engages (a thread shares everything with the browser; there is no boundary to
// enforce) and the Hello says so, layer by layer. Returns what a renderer process would exit with.
int runRendererThread(UniqueFd channel, BeforeProcessFault before_fault);

}  // namespace sb::renderer
