#include "apps/gpu/gpu_process.h"

int main(int argc, char** argv) { return sb::gpu::runGpuProcess(argc, argv); }
