#include "apps/renderer/process/process_fault_actions.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#include <spdlog/spdlog.h>

namespace sb::renderer {
namespace {

constexpr int kFlushTimeoutMs = 1000;

class MallocedMemory final : public HeldMemory {
 public:
  explicit MallocedMemory(void* block) : block_(block) {}
  ~MallocedMemory() override { std::free(block_); }
  MallocedMemory(const MallocedMemory&) = delete;
  MallocedMemory& operator=(const MallocedMemory&) = delete;

 private:
  void* block_;
};

}  // namespace

void ProcessFaultActions::flushBeforeFault() {
  spdlog::default_logger()->flush();
  channel_.flushBlocking(kFlushTimeoutMs);
}

void ProcessFaultActions::segv() {
  spdlog::warn("debug fault: writing through a null pointer");
  flushBeforeFault();
  // Volatile on both the pointer and the target: the compiler may neither prove the pointer null
  // (and replace the store by a trap, which would be SIGILL) nor drop the store.
  volatile int* volatile target = nullptr;
  *target = 42;
}

void ProcessFaultActions::abort() {
  spdlog::warn("debug fault: calling abort()");
  flushBeforeFault();
  std::abort();
}

void ProcessFaultActions::hang() {
  spdlog::warn("debug fault: busy-looping forever");
  flushBeforeFault();
  volatile uint64_t spins = 0;
  for (;;) spins = spins + 1;  // volatile: a loop with a side effect, so it is not optimised away
}

void ProcessFaultActions::exit(int code) {
  spdlog::warn("debug fault: exiting with code {}", code);
  flushBeforeFault();
  // _Exit: no atexit handlers or static destructors, just the code the browser should report.
  std::_Exit(code);
}

std::unique_ptr<HeldMemory> ProcessFaultActions::holdMemory(size_t bytes) {
  void* block = std::malloc(bytes);
  if (!block) return nullptr;
  // Writing one byte per page makes the kernel back every page, so the resident size grows.
  const long page = ::sysconf(_SC_PAGESIZE);
  const size_t step = page > 0 ? static_cast<size_t>(page) : 4096;
  auto* bytes_view = static_cast<volatile char*>(block);
  for (size_t offset = 0; offset < bytes; offset += step) bytes_view[offset] = 1;
  return std::make_unique<MallocedMemory>(block);
}

}  // namespace sb::renderer
