#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>

namespace sb::browser {

// Resident set size in KiB (VmRSS in /proc/PID/status); nullopt when the process is gone or the
// field is missing (kernel threads, zombies).
std::optional<long> residentSetKb(pid_t pid);
// Proportional set size in KiB (Pss in /proc/PID/smaps_rollup): shared pages divided among their
// users, so summing it over processes does not count them twice. nullopt when unreadable.
std::optional<long> proportionalSetKb(pid_t pid);
// User + system CPU time in clock ticks (/proc/PID/stat fields 14 and 15).
std::optional<uint64_t> cpuTicks(pid_t pid);

}  // namespace sb::browser
