#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

constexpr size_t kMiB = size_t{1} << 20;
constexpr size_t kStepBytes = 16 * kMiB;
constexpr size_t kCeilingBytes = 1024 * kMiB;  // a demo, not an attack on the machine
constexpr std::chrono::milliseconds kStepInterval{200};

class LeakPage final : public Page {
 public:
  explicit LeakPage(const PageServices& services) : services_(services) {}

  PageLayout layout(const LayoutRequest& request) override {
    const size_t held = held_.size() * kStepBytes;
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "BREAKING THE RENDERER ON PURPOSE", "Leak",
                "This renderer allocates 16 MiB every 200 ms and writes to every page of it, so "
                "its resident memory really grows. Navigate away to give it all back.",
                theme::kDanger);
    beginCard(builder);
    builder.text(std::to_string(held / kMiB) + " MiB allocated",
                 TextStyle{.pixel_size = 44, .argb = theme::kInk, .bold = true});
    builder.space(12);
    addProgressBar(builder, static_cast<double>(held) / kCeilingBytes, theme::kDanger);
    builder.space(8);
    builder.text(status(), theme::kSmall);
    builder.endBox();
    builder.space(theme::kGap);
    addNotice(builder, "Safety ceiling: 1 GiB",
              "Growth stops at 1 GiB so the demo cannot take the machine down. A real leak has no "
              "such manners; the browser's memory watch is what would catch it.",
              theme::kWarning, theme::kWarningSoft);
    addFooter(builder, services_.pid);
    return builder.finish("Leak (" + std::to_string(held / kMiB) + " MiB)", theme::kPaper);
  }

  void start() override {
    growth_ =
        ScopedTimer(services_.scheduler, kStepInterval, TimerMode::kRepeating, [this] { grow(); });
  }

 private:
  std::string status() const {
    if (allocation_failed_) return "An allocation failed; holding what was allocated.";
    if (held_.size() * kStepBytes >= kCeilingBytes) return "Reached the 1 GiB ceiling; holding it.";
    return "Growing by 16 MiB every 200 ms.";
  }

  void grow() {
    if (auto block = services_.faults.holdMemory(kStepBytes)) {
      held_.push_back(std::move(block));
    } else {
      allocation_failed_ = true;
    }
    if (allocation_failed_ || held_.size() * kStepBytes >= kCeilingBytes) growth_.stop();
    services_.repaint();
  }

  PageServices services_;
  std::vector<std::unique_ptr<HeldMemory>> held_;  // released with the page
  bool allocation_failed_ = false;
  ScopedTimer growth_;  // last: stopped before the memory goes
};

}  // namespace

std::unique_ptr<Page> makeLeakPage(const PageServices& services) {
  return std::make_unique<LeakPage>(services);
}

}  // namespace sb::renderer
