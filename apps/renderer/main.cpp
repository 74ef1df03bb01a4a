#include "apps/renderer/renderer_process.h"

int main(int argc, char** argv) { return sb::renderer::runRendererProcess(argc, argv); }
