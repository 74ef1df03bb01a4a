#include <algorithm>
#include <memory>
#include <string>

#include "apps/renderer/geometry.h"
#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

constexpr int kButtonWidth = 220;
constexpr int kButtonHeight = 44;
constexpr TextStyle kButtonText{.pixel_size = 16, .argb = theme::kCard, .bold = true};

std::string clickedText(int count) {
  return "Clicked " + std::to_string(count) + (count == 1 ? " time" : " times");
}

// demo://plugin: two plugin boxes and a button. The boxes are drawn by plugin processes the
// renderer never talks to; the button is the renderer's own, so it keeps answering while a plugin
// is dead, which is the point of putting plugins in processes of their own.
class PluginPage final : public Page {
 public:
  explicit PluginPage(int pid) : pid_(pid) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "PLUGIN PROCESSES", "Plugins",
                "The two boxes below are not drawn by this page's renderer. Each plugin type "
                "runs in one sandboxed plugin process, shared by every tab that embeds it, as "
                "NPAPI and PPAPI plugins were in Chrome. When a plugin crashes, its box goes "
                "blank in every tab, but the pages around the boxes stay alive.",
                theme::kAccent);

    builder.text("Stock ticker", theme::kHeading);
    builder.space(4);
    builder.text("Click it to pause or resume.", theme::kSmall);
    builder.space(10);
    addPluginBox(builder, "ticker", kTickerBoxId);
    builder.space(theme::kGap + 12);

    builder.text("Bouncing ball", theme::kHeading);
    builder.space(4);
    builder.text("Click it to change its colour.", theme::kSmall);
    builder.space(10);
    addPluginBox(builder, "ball", kBallBoxId);
    builder.space(theme::kGap + 12);

    beginCard(builder);
    builder.text("This page still answers", theme::kSubheading);
    builder.space(6);
    builder.text(
        "The button belongs to the renderer, not to a plugin: it keeps counting while "
        "the plugins are dead.",
        theme::kBody);
    builder.space(12);
    addButton(builder);
    builder.endBox();
    builder.space(theme::kGap);

    addNotice(builder, "Try it",
              "Kill the plugin from the Process menu or open demo://plugincrash in another tab, "
              "then come back: the boxes show the plugin crashed, the button still counts.",
              theme::kWarning, theme::kWarningSoft);
    addFooter(builder, pid_);
    return builder.finish("Plugins", theme::kPaper);
  }

  Change click(int x, int y) override {
    if (!button_.contains(x, y)) return Change::kNone;
    ++clicks_;
    return Change::kRepaint;
  }

 private:
  void addButton(PageBuilder& builder) {
    const Column column = builder.column();
    button_ = Rect{column.left, builder.y(), std::min(column.width, kButtonWidth), kButtonHeight};
    builder.fillAt(button_, BoxStyle{.fill = theme::kAccent, .radius = 8});
    builder.textAt(Rect{button_.x + 14, button_.y + 11, std::max(1, button_.width - 28), 22},
                   clickedText(clicks_), kButtonText);
    builder.setY(button_.bottom());
  }

  int pid_;
  int clicks_ = 0;
  Rect button_;  // where the last layout put the button, for hit-testing clicks
};

}  // namespace

std::unique_ptr<Page> makePluginPage(const PageServices& services) {
  return std::make_unique<PluginPage>(services.pid);
}

}  // namespace sb::renderer
