#include <memory>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

// demo://gpucrash, like chrome://gpucrash. As with plugins, the renderer cannot reach the GPU
// process; the browser crashes it when it sees this URL load. The page only says what to watch.
class GpuCrashPage final : public Page {
 public:
  explicit GpuCrashPage(int pid) : pid_(pid) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "BREAKING THE GPU PROCESS ON PURPOSE", "GPU crash", "", theme::kDanger);
    addNotice(builder, "The browser crashes the GPU process now",
              "When this page loads, the browser tells the GPU process to crash, as "
              "chrome://gpucrash does. Every tab is rasterised there, so every tab blinks while "
              "the browser starts a new GPU process, then comes back: no renderer is lost.",
              theme::kDanger, theme::kDangerSoft);
    addNotice(builder, "Three strikes",
              "After 3 GPU crashes within a minute the browser stops restarting the GPU process "
              "and falls back to software rasterisation in the browser itself.",
              theme::kWarning, theme::kWarningSoft);
    addFooter(builder, pid_);
    return builder.finish("GPU crash", theme::kPaper);
  }

 private:
  int pid_;
};

}  // namespace

std::unique_ptr<Page> makeGpuCrashPage(const PageServices& services) {
  return std::make_unique<GpuCrashPage>(services.pid);
}

}  // namespace sb::renderer
