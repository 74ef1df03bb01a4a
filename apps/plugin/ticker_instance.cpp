#include "apps/plugin/ticker_instance.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace sb::plugin {
namespace {

constexpr uint32_t kBackground = 0xFF0E1726;
constexpr uint32_t kPanel = 0xFF16233A;
constexpr uint32_t kInk = 0xFFE6EDF7;
constexpr uint32_t kMuted = 0xFF8A9BB4;
constexpr uint32_t kUp = 0xFF2ECC71;
constexpr uint32_t kDown = 0xFFE74C3C;
constexpr uint32_t kPausedInk = 0xFFF5B041;

constexpr int kPadding = 10;
constexpr int kHeaderHeight = 26;
constexpr int kRowHeight = 24;
constexpr int kFooterHeight = 22;
constexpr int kQuoteColumnWidth = 250;
// A step moves a price by at most this fraction either way.
constexpr double kMaxStepFraction = 0.015;
constexpr double kMinPrice = 1.0;
constexpr double kMaxPrice = 99999.0;

constexpr std::array<std::string_view, TickerInstance::kSymbolCount> kSymbols = {"SBX", "IPC",
                                                                                 "PID", "MMAP"};
constexpr std::array<double, TickerInstance::kSymbolCount> kOpeningPrices = {120.0, 48.5, 310.25,
                                                                             12.8};

std::string formatted(const char* format, double value) {
  char text[32];
  std::snprintf(text, sizeof(text), format, value);
  return text;
}

}  // namespace

TickerInstance::TickerInstance(int width, int height, uint64_t seed)
    : width_(width), height_(height), random_(seed) {
  for (size_t i = 0; i < kSymbolCount; ++i) {
    quotes_[i] = Quote{kSymbols[i], kOpeningPrices[i], kOpeningPrices[i]};
  }
  history_.push_back(quotes_[0].price);
}

void TickerInstance::advance(std::chrono::milliseconds elapsed) {
  if (paused_) return;
  pending_ += std::max(elapsed, std::chrono::milliseconds{0});
  while (pending_ >= kStepInterval) {
    pending_ -= kStepInterval;
    step();
  }
}

void TickerInstance::step() {
  for (Quote& quote : quotes_) {
    const double change = (random_.unit() * 2.0 - 1.0) * kMaxStepFraction;
    quote.previous = quote.price;
    quote.price = std::clamp(quote.price * (1.0 + change), kMinPrice, kMaxPrice);
  }
  history_.push_back(quotes_[0].price);
  if (history_.size() > kHistoryLength) history_.pop_front();
}

void TickerInstance::click(int /*x*/, int /*y*/) {
  paused_ = !paused_;
  // Resuming starts a fresh step interval, so the first step does not come at once.
  pending_ = std::chrono::milliseconds{0};
}

void TickerInstance::paint(BoxCanvas& canvas, uint64_t frame_number) const {
  canvas.setBackground(kBackground);
  canvas.fill(BoxRect{0, 0, width_, height_}, kBackground, 0, kPanel);
  canvas.text(BoxRect{kPadding, 6, 160, 18}, "SANDBOX EXCHANGE",
              TextLook{.pixel_size = 12, .argb = kMuted, .bold = true});
  canvas.text(BoxRect{kPadding + 150, 6, 80, 18}, paused_ ? "PAUSED" : "LIVE",
              TextLook{.pixel_size = 12, .argb = paused_ ? kPausedInk : kUp, .bold = true});
  canvas.text(BoxRect{std::max(kPadding, width_ - 110), 6, 100, 18},
              "frame " + std::to_string(frame_number),
              TextLook{.pixel_size = 12, .argb = kMuted, .monospace = true});

  const int column_width = std::min(kQuoteColumnWidth, width_ / 2);
  paintQuotes(canvas, column_width);
  const int chart_left = kPadding + column_width + 8;
  paintChart(canvas, BoxRect{chart_left, kHeaderHeight + 4, width_ - chart_left - kPadding,
                             height_ - kHeaderHeight - kFooterHeight - 8});

  canvas.text(
      BoxRect{kPadding, height_ - kFooterHeight + 2, std::max(1, width_ - 2 * kPadding), 18},
      paused_ ? "Paused: click to resume" : "Click to pause",
      TextLook{.pixel_size = 12, .argb = paused_ ? kPausedInk : kMuted});
}

void TickerInstance::paintQuotes(BoxCanvas& canvas, int column_width) const {
  int y = kHeaderHeight + 4;
  for (const Quote& quote : quotes_) {
    const bool up = quote.price >= quote.previous;
    const uint32_t trend = up ? kUp : kDown;
    constexpr TextLook kQuoteLook{.pixel_size = 14, .argb = kInk, .monospace = true};
    TextLook symbol_look = kQuoteLook;
    symbol_look.bold = true;
    canvas.text(BoxRect{kPadding, y, 52, kRowHeight}, quote.symbol, symbol_look);
    canvas.text(BoxRect{kPadding + 54, y, 80, kRowHeight}, formatted("%.2f", quote.price),
                kQuoteLook);
    // U+25B2 / U+25BC: the arrows every ticker uses, for the last move, which flips often
    // enough to show the walk is live.
    TextLook trend_look = kQuoteLook;
    trend_look.argb = trend;
    canvas.text(
        BoxRect{kPadding + 138, y, std::max(1, column_width - 138), kRowHeight},
        (up ? "\xE2\x96\xB2 " : "\xE2\x96\xBC ") + formatted("%+.2f", quote.price - quote.previous),
        trend_look);
    y += kRowHeight;
  }
}

void TickerInstance::paintChart(BoxCanvas& canvas, const BoxRect& area) const {
  if (area.width < static_cast<int>(kHistoryLength) || area.height < 8) return;  // no room
  canvas.fill(area, kPanel, 4);
  const auto [low_it, high_it] = std::minmax_element(history_.begin(), history_.end());
  const double low = *low_it;
  const double span = std::max(*high_it - low, 0.01);
  const int bar_pitch = area.width / static_cast<int>(kHistoryLength);
  const int bar_width = std::max(1, bar_pitch - 2);
  const int chart_height = area.height - 4;
  // Newest bar on the right, like every price chart.
  int x = area.x + area.width - bar_pitch;
  for (size_t i = history_.size(); i-- > 0; x -= bar_pitch) {
    const double price = history_[i];
    const int height = 2 + static_cast<int>((price - low) / span * (chart_height - 2));
    const bool up = i == 0 || price >= history_[i - 1];
    canvas.fill(BoxRect{x + 1, area.y + area.height - 2 - height, bar_width, height},
                up ? kUp : kDown);
  }
  canvas.text(
      BoxRect{area.x + 6, area.y + 4, std::max(1, area.width - 12), 16},
      std::string(quotes_[0].symbol) + ", last " + std::to_string(kHistoryLength) + " moves",
      TextLook{.pixel_size = 11, .argb = kMuted});
}

}  // namespace sb::plugin
