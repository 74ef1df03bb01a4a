#pragma once

#include <QString>
#include <variant>

namespace sb::browser {

// A command-line count from 1 to `max`, or a message that says what was wrong with `text`, e.g.
// "\"0\" is not a process count; give a whole number from 1 to 10000" for `noun` "process count".
std::variant<int, QString> parseCountFlag(const QString& text, int max, const QString& noun);

}  // namespace sb::browser
