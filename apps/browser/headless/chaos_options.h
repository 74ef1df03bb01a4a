#pragma once

#include <QCommandLineParser>
#include <QString>
#include <cstdint>
#include <variant>

namespace sb::browser {

inline constexpr int kMaxChaosSeconds = 86'400;  // a day; a typo must not start a week-long run

// What `sandbrowser --headless --chaos SECONDS --seed N` was asked to do.
struct ChaosOptions {
  int seconds = 0;
  uint64_t seed = 0;  // picks every event; printed, so --seed repeats the choices of a run
};

// --chaos and --seed, so main.cpp stays a list of dispatches.
void addChaosOptions(QCommandLineParser& parser);

// No --chaos (std::monostate), the run to make, or what is wrong with the flags, for an exit 2.
// Call after QCommandLineParser::process().
using ChaosRequest = std::variant<std::monostate, ChaosOptions, QString>;
ChaosRequest chaosRequest(const QCommandLineParser& parser, bool headless);

}  // namespace sb::browser
