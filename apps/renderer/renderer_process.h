#pragma once

namespace sb::renderer {

// The renderer process's whole life: find the channel, say Hello, serve the browser until told to
// stop. Returns the process exit code.
int runRendererProcess(int argc, char** argv);

}  // namespace sb::renderer
