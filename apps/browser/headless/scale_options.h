#pragma once

#include <QCommandLineParser>
#include <QString>
#include <cstdint>
#include <variant>

namespace sb::browser {

inline constexpr int kMaxScaleTabs = 500;  // a typo must not fork thousands of renderers

// What `sandbrowser --headless --scale N` was asked to do.
struct ScaleOptions {
  int tabs = 0;
  uint64_t seed = 0;  // picks the renderers to kill; printed, so --scale-seed repeats a run
};

// --scale and --scale-seed, so main.cpp stays a list of dispatches.
void addScaleOptions(QCommandLineParser& parser);

// No --scale (std::monostate), the run to make, or what is wrong with the flags, for an exit 2.
// Call after QCommandLineParser::process().
using ScaleRequest = std::variant<std::monostate, ScaleOptions, QString>;
ScaleRequest scaleRequest(const QCommandLineParser& parser, bool headless);

}  // namespace sb::browser
