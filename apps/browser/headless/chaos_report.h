#pragma once

#include <QString>

#include "apps/browser/headless/chaos_result.h"

namespace sb::browser {

// What a person reads on stdout: what was done (events by kind, signals by process and signal),
// how much was checked, and either "violations 0" or each violation with the step that found it
// and the command that repeats the run.
QString chaosReport(const ChaosResult& result);

}  // namespace sb::browser
