#include <memory>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

// demo://plugincrash. The crash itself is the browser's doing: a renderer has no channel to a
// plugin process (children talk only to the browser), so the browser sends the ticker plugin a
// DebugFault when it sees this URL load. The page only explains and embeds a ticker, so the
// person sees the placeholder where the ticker would be.
class PluginCrashPage final : public Page {
 public:
  explicit PluginCrashPage(int pid) : pid_(pid) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "BREAKING A PLUGIN ON PURPOSE", "Plugin crash", "", theme::kDanger);
    addNotice(builder, "The browser crashes the ticker plugin now",
              "When this page loads, the browser tells the ticker plugin process to crash. This "
              "renderer cannot do it: it has no channel to any plugin, only to the browser. "
              "Every ticker box, in this tab and in every other tab, shows that the plugin "
              "crashed; the pages around the boxes keep working.",
              theme::kDanger, theme::kDangerSoft);
    builder.text("The ticker that was here", theme::kHeading);
    builder.space(10);
    addPluginBox(builder, "ticker", kTickerBoxId);
    addFooter(builder, pid_);
    return builder.finish("Plugin crash", theme::kPaper);
  }

 private:
  int pid_;
};

}  // namespace

std::unique_ptr<Page> makePluginCrashPage(const PageServices& services) {
  return std::make_unique<PluginCrashPage>(services.pid);
}

}  // namespace sb::renderer
