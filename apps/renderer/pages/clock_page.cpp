#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

constexpr std::chrono::milliseconds kTickInterval{100};

std::string digitalTime(const WallTime& time) {
  char text[64];
  std::snprintf(text, sizeof(text), "%02d:%02d:%02d.%d", time.hour, time.minute, time.second,
                time.millisecond / 100);
  return text;
}

class ClockPage final : public Page {
 public:
  explicit ClockPage(const PageServices& services) : services_(services) {}

  PageLayout layout(const LayoutRequest& request) override {
    const WallTime time = services_.clock.now();
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "ANIMATED BY THE RENDERER", "Clock",
                "No script and no browser timer: the renderer wakes up every 100 ms and sends a "
                "whole new display list.",
                theme::kAccent);

    beginCard(builder);
    builder.text(digitalTime(time),
                 TextStyle{.pixel_size = 64, .argb = theme::kInk, .bold = true, .monospace = true});
    builder.space(14);
    const double seconds = time.second + time.millisecond / 1000.0;
    addProgressBar(builder, seconds / 60.0, theme::kAccent);
    builder.space(8);
    char progress[64];
    std::snprintf(progress, sizeof(progress), "%.1f of 60 seconds in this minute", seconds);
    builder.text(progress, theme::kSmall);
    builder.endBox();
    builder.space(theme::kGap);

    beginCard(builder);
    builder.text("Frame " + std::to_string(request.frame_number), theme::kSubheading);
    builder.space(4);
    builder.text("Drawn by renderer pid " + std::to_string(services_.pid) +
                     ". The frame number grows with every list this navigation sends.",
                 theme::kBody);
    builder.endBox();

    addFooter(builder, services_.pid);
    return builder.finish("Clock", theme::kPaper);
  }

  void start() override {
    tick_ = ScopedTimer(services_.scheduler, kTickInterval, TimerMode::kRepeating,
                        [this] { services_.repaint(); });
  }

 private:
  PageServices services_;
  ScopedTimer tick_;  // last: stopped before anything else goes away
};

}  // namespace

std::unique_ptr<Page> makeClockPage(const PageServices& services) {
  return std::make_unique<ClockPage>(services);
}

}  // namespace sb::renderer
