#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::process {

// Splits a wrapper command such as `gdb -ex run --args` or `strace -f -o "/tmp/a b"` into words:
// whitespace separates, single and double quotes group, backslash escapes. nullopt on an
// unterminated quote.
std::optional<std::vector<std::string>> splitCommandWords(std::string_view text);

// The directory holding the running executable, where sibling binaries are looked up.
std::string currentExecutableDir();

// Finds an executable: a path with '/' is taken as is; a bare name is looked up next to the running
// executable, then on PATH. nullopt when nothing executable is found.
std::optional<std::string> resolveExecutable(const std::string& name);

}  // namespace sb::process
