#pragma once

#include <QSettings>
#include <QString>
#include <QWidget>

namespace sb::browser {

// The one-time explanation shown before a renderer thread takes the whole browser down (the
// single-process model, Browser::processFaultAhead). It is shown the first time only: `settings`
// remembers that it was. True when it was shown now.
bool explainSingleProcessFault(QWidget* parent, const QString& what, QSettings& settings);

inline constexpr const char* kSingleProcessFaultExplainedKey = "explained/single-process-fault";

}  // namespace sb::browser
