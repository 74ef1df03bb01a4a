#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <string_view>

#include "apps/plugin/plugin_instance.h"
#include "common/base/seeded_random.h"

namespace sb::plugin {

// A stock ticker that is visibly alive: a few made-up symbols whose prices take a deterministic
// random walk, green and red arrows, a bar chart of the first symbol's recent prices, and the
// frame number. A click pauses the prices (the frame number keeps counting, which shows the
// process still answers) and the next click resumes them.
class TickerInstance final : public PluginInstance {
 public:
  // Prices move a few times a second: often enough to look live at 10 frames a second.
  static constexpr std::chrono::milliseconds kStepInterval{250};
  static constexpr size_t kHistoryLength = 32;
  static constexpr size_t kSymbolCount = 4;

  TickerInstance(int width, int height, uint64_t seed);

  void advance(std::chrono::milliseconds elapsed) override;
  void click(int x, int y) override;
  void paint(BoxCanvas& canvas, uint64_t frame_number) const override;

  bool paused() const { return paused_; }
  double price(size_t symbol) const { return quotes_[symbol].price; }

 private:
  struct Quote {
    std::string_view symbol;
    double previous = 0;  // the price before the last step, for the arrow
    double price = 0;
  };

  void step();
  void paintQuotes(BoxCanvas& canvas, int column_width) const;
  void paintChart(BoxCanvas& canvas, const BoxRect& area) const;

  int width_;
  int height_;
  SeededRandom random_;
  std::array<Quote, kSymbolCount> quotes_;
  std::deque<double> history_;  // the first symbol's prices, newest last
  std::chrono::milliseconds pending_{0};
  bool paused_ = false;
};

}  // namespace sb::plugin
