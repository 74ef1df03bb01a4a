#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "apps/renderer/layout/page_builder.h"

namespace sb::renderer {

// The decades a log-scale axis spans: 10^low_exponent .. 10^high_exponent, at least one decade.
struct LogAxis {
  int low_exponent = 0;
  int high_exponent = 1;
};

// The smallest whole-decade axis holding every positive value (none: 1..10).
LogAxis logAxisFor(const std::vector<double>& values);

// Where `value` falls on the axis, 0 at its low end and 1 at its high end; clamped, and 0 for
// values that are not positive.
double logFraction(double value, const LogAxis& axis);

// "0.1", "1", "10", "100", "1k", "10k", ... for the gridline labels.
std::string decadeLabel(int exponent);

struct ChartBar {
  std::string label;    // left of the bar
  double value = 0;     // ignored when failure is set
  std::string caption;  // right of the bar: the value in words
  std::string failure;  // shown instead of a bar
  bool highlight = false;
};

// A horizontal bar chart on a log scale, one row per bar, with a gridline per decade labelled in
// `unit` under the chart. Log scale because the kinds differ by orders of magnitude: on a linear
// axis every bar but the slowest would be a sliver.
void addLogBarChart(PageBuilder& builder, std::string_view heading, std::string_view unit,
                    const std::vector<ChartBar>& bars);

}  // namespace sb::renderer
