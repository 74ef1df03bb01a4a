#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// The backtrace a child wrote to its crash pipe (common/sandbox/fatal_signal_reporter.h), made
// readable for a crash report. The note is untrusted text: lines are bounded in number and
// length, and only printable ASCII is kept.
namespace sb::browser {

inline constexpr size_t kMaxBacktraceFrames = 64;
inline constexpr size_t kMaxFrameChars = 400;

// The lines after "backtrace:", each through demangleFrame(), at most `max_frames`; empty when
// the note has no backtrace (kill -9, a sandbox kill, an exit).
std::vector<std::string> backtraceFrames(std::string_view note,
                                         size_t max_frames = kMaxBacktraceFrames);

// One backtrace_symbols_fd() line with the binary's directory dropped and a mangled C++ name
// demangled: "/opt/bin/x(_ZN2sb5child7segvNowERNS_3ipc7ChannelE+0x4e) [0x55d0]" becomes
// "x(sb::child::segvNow(sb::ipc::Channel&)+0x4e) [0x55d0]". At most kMaxFrameChars.
std::string demangleFrame(std::string_view line);

}  // namespace sb::browser
