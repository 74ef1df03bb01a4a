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

}  // namespace sb::testing
