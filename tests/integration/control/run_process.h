#pragma once

#include <string>
#include <vector>

namespace sb::testing {

struct ProcessOutput {
  int exit_code = -1;  // -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Runs a program to completion with `input` on its stdin, collecting stdout and stderr.
ProcessOutput runProcess(const std::vector<std::string>& argv, const std::string& input = {});

// Runs the `sandbrowser` next to the test with `args`, offscreen (so a run without --headless
// still reaches its flag checks with no display); a missing binary fails the test.
ProcessOutput runSandbrowser(std::vector<std::string> args);

}  // namespace sb::testing
