#pragma once

#include <QString>

#include "apps/browser/headless/scale_result.h"

namespace sb::browser {

inline constexpr double kTargetRendererPssMiB = 15;
inline constexpr double kTargetLagP99Ms = 50;
inline constexpr double kTargetOpenAllS = 10;

// What a person reads on stdout: each figure, with its target and "met" or "missed" where the
// issue set one, then one "ok" or "FAILED" line per invariant.
QString scaleReport(const ScaleResult& result);

}  // namespace sb::browser
