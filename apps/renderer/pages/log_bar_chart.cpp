#include "apps/renderer/pages/log_bar_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "apps/renderer/layout/theme.h"

namespace sb::renderer {
namespace {

constexpr int kLabelWidth = 210;
constexpr int kCaptionWidth = 130;
constexpr int kBarHeight = 18;
constexpr int kRowGap = 8;
constexpr int kAxisLabelHeight = 18;
constexpr uint32_t kBarFill = argb(255, 0xA9, 0xB4, 0xEC);
constexpr uint32_t kGridline = argb(255, 0xE3, 0xE7, 0xF1);

}  // namespace

LogAxis logAxisFor(const std::vector<double>& values) {
  double low = std::numeric_limits<double>::infinity();
  double high = 0;
  for (double value : values) {
    if (!(value > 0) || !std::isfinite(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (high == 0) return {};
  LogAxis axis{static_cast<int>(std::floor(std::log10(low))), static_cast<int>(std::ceil(std::log10(high)))};
  if (axis.high_exponent <= axis.low_exponent) axis.high_exponent = axis.low_exponent + 1;
  return axis;
}

double logFraction(double value, const LogAxis& axis) {
  if (!(value > 0)) return 0;
  const double span = axis.high_exponent - axis.low_exponent;
  return std::clamp((std::log10(value) - axis.low_exponent) / span, 0.0, 1.0);
}

std::string decadeLabel(int exponent) {
  if (exponent < 0) return "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + "1";
  static constexpr const char* kSuffixes[] = {"", "k", "M", "G"};
  const int group = std::min(exponent / 3, 3);
  return "1" + std::string(static_cast<size_t>(exponent - group * 3), '0') + kSuffixes[group];
}

void addLogBarChart(PageBuilder& builder, std::string_view heading, std::string_view unit,
                    const std::vector<ChartBar>& bars) {
  builder.text(heading, theme::kSubheading);
  builder.space(10);
  std::vector<double> values;
  for (const ChartBar& bar : bars) {
    if (bar.failure.empty()) values.push_back(bar.value);
  }
  const LogAxis axis = logAxisFor(values);
  const Column column = builder.column();
  const int track_left = column.left + kLabelWidth;
  const int track_width = std::max(40, column.width - kLabelWidth - kCaptionWidth);
  const int top = builder.y();
  const int rows_height = static_cast<int>(bars.size()) * (kBarHeight + kRowGap);

  for (int exponent = axis.low_exponent; exponent <= axis.high_exponent; ++exponent) {
    const int x = track_left + static_cast<int>(std::lround(
                                   track_width * logFraction(std::pow(10.0, exponent), axis)));
    builder.fillAt(Rect{x, top, 1, rows_height}, BoxStyle{.fill = kGridline});
    // Labels start at their gridline: the browser lays text out left-aligned.
    builder.textAt(Rect{x + 3, top + rows_height + 2, 60, kAxisLabelHeight},
                   decadeLabel(exponent), theme::kSmall);
  }

  int y = top;
  for (const ChartBar& bar : bars) {
    builder.textAt(Rect{column.left, y, kLabelWidth - 8, kBarHeight}, bar.label, theme::kSmall);
    if (!bar.failure.empty()) {
      TextStyle failed = theme::kSmall;
      failed.argb = theme::kDanger;
      builder.textAt(Rect{track_left, y, track_width + kCaptionWidth, kBarHeight},
                     "failed: " + bar.failure, failed);
    } else {
      // Even the smallest value gets a visible stub, so "tiny" never reads as "missing".
      const int width = std::max(3, static_cast<int>(std::lround(track_width * logFraction(bar.value, axis))));
      builder.fillAt(Rect{track_left, y, width, kBarHeight},
                     BoxStyle{.fill = bar.highlight ? theme::kAccent : kBarFill, .radius = 4});
      TextStyle caption = theme::kSmall;
      caption.bold = bar.highlight;
      builder.textAt(Rect{track_left + width + 6, y, kCaptionWidth + track_width - width, kBarHeight},
                     bar.caption, caption);
    }
    y += kBarHeight + kRowGap;
  }
  builder.setY(top + rows_height + kAxisLabelHeight + 4);
  builder.textAt(Rect{column.left, builder.y(), column.width, kAxisLabelHeight},
                 std::string(unit) + ", log scale: each gridline is ten times the one before",
                 theme::kSmall);
  builder.setY(builder.y() + kAxisLabelHeight);
}

}  // namespace sb::renderer
