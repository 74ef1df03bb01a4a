#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/process/exit_status.h"

// The crash note: what a child wrote to its crash pipe (--crash-fd) before it died, e.g. the
// sandbox's "sandbox: syscall 246 (kexec_load)". The text comes from an untrusted process: it is
// bounded when read and only ever shown, never interpreted beyond the parsing below.
namespace sb::process {

inline constexpr size_t kMaxCrashNoteBytes = 64 * 1024;

// Reads what is waiting in a non-blocking pipe, at most kMaxCrashNoteBytes.
std::string drainCrashPipe(int fd);

// "syscall 246 (kexec_load)" when a line of the note reads "sandbox: syscall 246 (kexec_load)";
// the name keeps letters, digits and '_' only.
std::optional<std::string> sandboxViolation(std::string_view note);

// "killed by the sandbox: syscall 246 (kexec_load)" for a SIGSYS death with such a note,
// otherwise status.describe().
std::string describeExit(const ExitStatus& status, std::string_view crash_note);

}  // namespace sb::process
