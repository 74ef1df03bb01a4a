#include "common/child/deliberate_faults.h"

#include <cstdint>
#include <cstdlib>

#include <spdlog/spdlog.h>

namespace sb::child {
namespace {

constexpr int kFlushTimeoutMs = 1000;

void flushBeforeFault(ipc::Channel& channel) {
  spdlog::default_logger()->flush();
  channel.flushBlocking(kFlushTimeoutMs);
}

}  // namespace

// UndefinedBehaviorSanitizer would report the null store and exit instead of faulting; this one
// is meant. (Under AddressSanitizer, run with handle_segv=0 for the kernel's SIGSEGV.)
__attribute__((no_sanitize("undefined"))) void segvNow(ipc::Channel& channel) {
  spdlog::warn("debug fault: writing through a null pointer");
  flushBeforeFault(channel);
  // Volatile on both the pointer and the target: the compiler may neither prove the pointer null
  // (and replace the store by a trap, which would be SIGILL) nor drop the store.
  volatile int* volatile target = nullptr;
  *target = 42;
  std::abort();  // not reached; tells the compiler so
}

void abortNow(ipc::Channel& channel) {
  spdlog::warn("debug fault: calling abort()");
  flushBeforeFault(channel);
  std::abort();
}

void hangNow(ipc::Channel& channel) {
  spdlog::warn("debug fault: busy-looping forever");
  flushBeforeFault(channel);
  volatile uint64_t spins = 0;
  for (;;) spins = spins + 1;  // volatile: a loop with a side effect, so it is not optimised away
}

void exitNow(ipc::Channel& channel, int code) {
  spdlog::warn("debug fault: exiting with code {}", code);
  flushBeforeFault(channel);
  // _Exit: no atexit handlers or static destructors, just the code the browser should report.
  std::_Exit(code);
}

void performDebugFault(const wire::DebugFault& fault, ipc::Channel& channel) {
  switch (fault.kind()) {
    case wire::DebugFault::KIND_SEGV: segvNow(channel);
    case wire::DebugFault::KIND_ABORT: abortNow(channel);
    case wire::DebugFault::KIND_HANG: hangNow(channel);
    case wire::DebugFault::KIND_EXIT: exitNow(channel, fault.exit_code());
    default: break;
  }
  spdlog::error("unknown debug fault kind {}", static_cast<int>(fault.kind()));
}

}  // namespace sb::child
