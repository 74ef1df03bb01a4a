#include <string_view>

#include "apps/renderer/renderer_process.h"
#include "apps/renderer/zygote/zygote_main.h"
#include "common/process/zygote_protocol.h"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == sb::process::kZygoteFlag) return sb::renderer::runZygote(argc, argv);
  }
  return sb::renderer::runRendererProcess(argc, argv);
}
