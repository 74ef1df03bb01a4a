#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <variant>

namespace sb::browser {

inline constexpr int kDefaultCompareTabs = 20;
inline constexpr int kMaxCompareTabs = 100;  // a typo must not fork thousands of renderers

// What `sandbrowser --headless --compare-models` was asked to do.
struct ComparisonOptions {
  int tabs = kDefaultCompareTabs;
  QString csv_path;               // empty: no CSV file
  QString executable;             // the sandbrowser each model runs in: this very binary
  QStringList browser_arguments;  // passed on to every model's browser (--no-sandbox, --zygote)
};

// --compare-models, --compare-tabs and --compare-csv, so main.cpp stays a list of dispatches.
void addComparisonOptions(QCommandLineParser& parser);

// No comparison flag given (std::monostate), the comparison to run, or what is wrong with the
// flags, for an exit 2. Call after QCommandLineParser::process().
using ComparisonRequest = std::variant<std::monostate, ComparisonOptions, QString>;
ComparisonRequest comparisonRequest(const QCommandLineParser& parser, bool headless);

// The value of --compare-tabs (1 to kMaxCompareTabs), or why not.
std::variant<int, QString> parseCompareTabs(const QString& text);

}  // namespace sb::browser
