#include "apps/renderer/process/process_fault_actions.h"

#include <unistd.h>

#include <cstdlib>

#include "common/child/deliberate_faults.h"

namespace sb::renderer {
namespace {

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

void ProcessFaultActions::segv() { child::segvNow(channel_); }

void ProcessFaultActions::abort() { child::abortNow(channel_); }

void ProcessFaultActions::hang() { child::hangNow(channel_); }

void ProcessFaultActions::exit(int code) { child::exitNow(channel_, code); }

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
