#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/ipc_kind_notes.h"
#include "apps/renderer/pages/log_bar_chart.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

constexpr std::chrono::milliseconds kProgressTick{250};
constexpr int kTypicalRunTicks = 8;  // a --quick run takes about two seconds
constexpr int kButtonHeight = 40;
constexpr int kButtonWidth = 220;
constexpr int kChipWidth = 84;
constexpr int kChipHeight = 30;

std::string formatted(const char* format, double value) {
  char text[32];
  std::snprintf(text, sizeof(text), format, value);
  return text;
}

std::string sizeText(uint32_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " B";
}

std::string microsecondsText(double us) {
  if (us >= 1000) return formatted("%.2f ms", us / 1000);
  if (us >= 10) return formatted("%.0f \xC2\xB5s", us);
  return formatted("%.2f \xC2\xB5s", us);
}

std::string throughputText(double mib_per_s) {
  if (mib_per_s >= 1024) return formatted("%.1f GiB/s", mib_per_s / 1024);
  if (mib_per_s >= 10) return formatted("%.0f MiB/s", mib_per_s);
  return formatted("%.2f MiB/s", mib_per_s);
}

class IpcLabPage final : public Page {
 public:
  IpcLabPage(const PageServices& services, std::function<void(bool)> ask)
      : services_(services), ask_(std::move(ask)) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "IPC LAB", "How processes talk, measured here",
                "Every way two processes can exchange messages, timed on this machine: a round "
                "trip (ping-pong) and one-way throughput, for messages of 64 B to 1 MiB. This "
                "page's renderer is sandboxed and may create no pipe, socket, queue or shared "
                "memory, so the browser runs the benchmark in a helper process and sends the "
                "results here.",
                theme::kAccent);
    addControls(builder);
    if (report_ && report_->state() == wire::IpcLabReport::STATE_DONE) addResults(builder);
    addNotes(builder);
    addFooter(builder, services_.pid);
    return builder.finish("IPC lab", theme::kPaper);
  }

  void start() override { ask_(false); }

  Change click(int x, int y) override {
    if (button_.contains(x, y)) return run();
    for (const auto& [rect, bytes] : chips_) {
      if (rect.contains(x, y) && bytes != selected_bytes_) {
        selected_bytes_ = bytes;
        return Change::kRepaint;
      }
    }
    return Change::kNone;
  }

  Change key(const wire::KeyInput& key) override {
    return key.special() == wire::KeyInput::SPECIAL_ENTER ? run() : Change::kNone;
  }

  Change ipcLabReport(const wire::IpcLabReport& report) override {
    report_ = report;
    asked_to_start_ = false;  // answered
    if (running() && !ticking_) {
      ticks_ = 0;
      ticking_ = true;
      progress_ = ScopedTimer(services_.scheduler, kProgressTick, TimerMode::kRepeating, [this] {
        ++ticks_;
        services_.repaint();
      });
    } else if (!running()) {
      ticking_ = false;
      progress_.stop();
    }
    if (report.state() == wire::IpcLabReport::STATE_DONE) keepSelectedSize();
    return Change::kRepaint;
  }

 private:
  bool running() const { return report_ && report_->state() == wire::IpcLabReport::STATE_RUNNING; }

  Change run() {
    if (running() || asked_to_start_) return Change::kNone;
    asked_to_start_ = true;  // until the browser answers, another click would only ask again
    ask_(true);
    return Change::kRepaint;
  }

  std::vector<uint32_t> sizes() const {
    std::set<uint32_t> sizes;
    for (const auto& row : report_->rows()) sizes.insert(row.message_bytes());
    return {sizes.begin(), sizes.end()};
  }

  void keepSelectedSize() {
    const std::vector<uint32_t> available = sizes();
    if (available.empty()) return;
    if (std::find(available.begin(), available.end(), selected_bytes_) == available.end()) {
      selected_bytes_ = available.front();
    }
  }

  void addControls(PageBuilder& builder) {
    beginCard(builder);
    const Column column = builder.column();
    const bool busy = running() || asked_to_start_;
    button_ = Rect{column.left, builder.y(), std::min(kButtonWidth, column.width), kButtonHeight};
    builder.fillAt(button_, BoxStyle{.fill = busy ? theme::kTrack : theme::kAccent, .radius = 8});
    TextStyle label{.pixel_size = 16, .argb = busy ? theme::kMuted : theme::kCard, .bold = true};
    const bool done_before = report_ && report_->state() == wire::IpcLabReport::STATE_DONE;
    builder.textAt(Rect{button_.x + 18, button_.y + 10, button_.width - 36, 22},
                   busy ? "Running\xE2\x80\xA6" : done_before ? "Run again" : "Run the benchmark", label);
    builder.setY(button_.bottom() + 12);
    builder.text(statusText(), theme::kBody);
    if (running()) {
      builder.space(10);
      // The run has no progress of its own to report; this only shows time passing.
      addProgressBar(builder, std::min(0.95, static_cast<double>(ticks_) / kTypicalRunTicks), theme::kAccent);
    }
    builder.endBox();
    builder.space(theme::kGap);
    if (report_ && report_->state() == wire::IpcLabReport::STATE_FAILED) {
      addNotice(builder, "The benchmark failed", report_->error(), theme::kDanger, theme::kDangerSoft);
    }
  }

  std::string statusText() const {
    if (!report_) return "Asking the browser for the latest results\xE2\x80\xA6";
    switch (report_->state()) {
      case wire::IpcLabReport::STATE_NOT_RUN:
        return "Not run yet in this browser. Press the button (or Enter); it takes about two "
               "seconds and loads both cores.";
      case wire::IpcLabReport::STATE_RUNNING:
        return "Running in helper process pid " + std::to_string(report_->helper_pid()) +
               " (started by the browser, outside this sandbox)\xE2\x80\xA6";
      case wire::IpcLabReport::STATE_DONE:
        return "Measured by helper process pid " + std::to_string(report_->helper_pid()) + " in " +
               formatted("%.1f", report_->elapsed_ms() / 1000.0) + " s: " +
               std::to_string(report_->rows_size()) + " runs, each checked byte for byte.";
      case wire::IpcLabReport::STATE_FAILED:
        return "The last run failed after " + formatted("%.1f", report_->elapsed_ms() / 1000.0) + " s.";
      default:
        return "The browser sent a report this page does not understand.";
    }
  }

  void addSizeChips(PageBuilder& builder) {
    chips_.clear();
    const Column column = builder.column();
    int x = column.left;
    for (uint32_t bytes : sizes()) {
      const Rect chip{x, builder.y(), kChipWidth, kChipHeight};
      const bool selected = bytes == selected_bytes_;
      builder.fillAt(chip, BoxStyle{.fill = selected ? theme::kAccent : theme::kAccentSoft,
                                    .border = theme::kAccent,
                                    .radius = kChipHeight / 2});
      TextStyle text{.pixel_size = 14, .argb = selected ? theme::kCard : theme::kAccent, .bold = true};
      builder.textAt(Rect{chip.x + 14, chip.y + 6, chip.width - 20, 20}, sizeText(bytes), text);
      chips_.emplace_back(chip, bytes);
      x += kChipWidth + 8;
    }
    builder.setY(builder.y() + kChipHeight);
  }

  void addResults(PageBuilder& builder) {
    beginCard(builder);
    builder.text("Message size", theme::kSubheading);
    builder.space(8);
    addSizeChips(builder);
    builder.space(18);

    std::vector<const wire::IpcLabRow*> rows;
    for (const auto& row : report_->rows()) {
      if (row.message_bytes() == selected_bytes_) rows.push_back(&row);
    }
    double fastest_us = 0;
    double best_mib = 0;
    for (const auto* row : rows) {
      if (!row->ok()) continue;
      if (fastest_us == 0 || row->p50_us() < fastest_us) fastest_us = row->p50_us();
      best_mib = std::max(best_mib, row->mib_per_s());
    }
    std::vector<ChartBar> latency;
    std::vector<ChartBar> throughput;
    for (const auto* row : rows) {
      const std::string label = row->label().empty() ? row->kind() : row->label();
      if (!row->ok()) {
        latency.push_back(ChartBar{label, 0, {}, row->error().empty() ? "no result" : row->error()});
        throughput.push_back(latency.back());
        continue;
      }
      latency.push_back(ChartBar{label, row->p50_us(),
                                 microsecondsText(row->p50_us()) + " (p99 " + microsecondsText(row->p99_us()) + ")",
                                 {}, row->p50_us() == fastest_us});
      throughput.push_back(ChartBar{label, row->mib_per_s(), throughputText(row->mib_per_s()), {},
                                    row->mib_per_s() == best_mib});
    }
    addLogBarChart(builder, "Round trip, median: shorter is faster", "microseconds", latency);
    builder.space(22);
    addLogBarChart(builder, "One-way throughput: longer is faster", "MiB/s", throughput);
    builder.endBox();
    builder.space(theme::kGap);
  }

  void addNotes(PageBuilder& builder) {
    builder.space(8);
    builder.text("What each kind costs", theme::kHeading);
    builder.space(6);
    builder.text("Processes do not share memory, so the kernel carries their messages: a copy "
                 "in, a copy out, and a system call each way. Shared memory skips the kernel but "
                 "leaves the synchronisation to you; threads share everything, and a crash too.",
                 theme::kBody);
    builder.space(14);
    for (const IpcKindNote& note : ipcKindNotes()) {
      beginCard(builder);
      builder.text(note.title, theme::kSubheading);
      builder.space(6);
      builder.text(std::string("Copies: ") + std::string(note.copies), theme::kBody);
      builder.text(std::string("Kernel: ") + std::string(note.kernel), theme::kBody);
      builder.text(std::string("Synchronisation: ") + std::string(note.sync), theme::kBody);
      builder.text(std::string("Who can talk: ") + std::string(note.who), theme::kBody);
      builder.endBox();
      builder.space(theme::kGap);
    }
  }

  PageServices services_;
  std::function<void(bool)> ask_;
  std::optional<wire::IpcLabReport> report_;
  bool asked_to_start_ = false;
  uint32_t selected_bytes_ = 0;
  int ticks_ = 0;
  bool ticking_ = false;
  Rect button_;
  std::vector<std::pair<Rect, uint32_t>> chips_;
  ScopedTimer progress_;  // last: stopped before the rest goes
};

}  // namespace

std::unique_ptr<Page> makeIpcLabPage(const PageServices& services,
                                     std::function<void(bool start)> ask_ipc_lab) {
  return std::make_unique<IpcLabPage>(services, std::move(ask_ipc_lab));
}

}  // namespace sb::renderer
