#pragma once

namespace sb::gpu {

// The GPU process: rasterises display lists into shared-memory surfaces for the browser.
int runGpuProcess(int argc, char** argv);

}  // namespace sb::gpu
