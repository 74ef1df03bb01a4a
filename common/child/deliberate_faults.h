#pragma once

#include "common/ipc/channel.h"
#include "sandbrowser.pb.h"

// The ways a child breaks on purpose (the "Crash ..." menu items, demo://crash), so a person can
// watch the browser survive it. Each first pushes out what is queued on the channel (log records,
// the page saying what is about to happen) so the browser has it before the process goes.
namespace sb::child {

[[noreturn]] void segvNow(ipc::Channel& channel);
[[noreturn]] void abortNow(ipc::Channel& channel);
[[noreturn]] void hangNow(ipc::Channel& channel);
[[noreturn]] void exitNow(ipc::Channel& channel, int code);

// Performs `fault`; returns (having logged it) only for an unknown kind.
void performDebugFault(const wire::DebugFault& fault, ipc::Channel& channel);

}  // namespace sb::child
