#pragma once

#include <QCommandLineParser>
#include <QString>
#include <cstdint>
#include <variant>

namespace sb::browser {

// The seed of a repeatable run (--scale-seed, --seed): the flag's whole number, or one taken from
// the clock when the flag is absent (the run prints it, so it can be repeated); an error when the
// value is no whole number.
std::variant<uint64_t, QString> seedFromFlag(const QCommandLineParser& parser, const QString& flag);

}  // namespace sb::browser
