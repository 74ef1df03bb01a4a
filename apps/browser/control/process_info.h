#pragma once

#include <sys/types.h>

#include <optional>

namespace sb::browser {

// Resident set size in KiB (VmRSS in /proc/PID/status); nullopt when the process is gone or the
// field is missing (kernel threads, zombies).
std::optional<long> residentSetKb(pid_t pid);

}  // namespace sb::browser
