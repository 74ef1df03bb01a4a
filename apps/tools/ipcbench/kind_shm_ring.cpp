// Shared memory: one memfd mapped MAP_SHARED before fork, so both processes see the same pages,
// holding a byte ring per direction. Data moves with memcpy in and memcpy out and no system
// call; the kernel is entered only to sleep and wake (futex) when a ring is empty or full.
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <new>

#include "apps/tools/ipcbench/kinds.h"
#include "common/base/clock.h"
#include "common/base/unique_fd.h"

namespace sb::ipcbench {
namespace {

// Big enough for a whole 1 MiB message plus the next one's start, so a writer rarely waits.
constexpr uint32_t kRingBytes = 4u << 20;
// A dead peer never wakes us, so every wait has a deadline.
constexpr uint64_t kTimeoutNs = 10'000'000'000ull;
// Spinning this long before sleeping catches a peer that is about to answer on the other core
// without paying for a futex sleep and wake.
constexpr int kSpins = 200;

using Word = std::atomic<uint32_t>;
static_assert(sizeof(Word) == sizeof(uint32_t) && Word::is_always_lock_free, "futex needs a plain word");

// Positions count bytes modulo 2^32 (unsigned wrap keeps head - tail right); only the writer
// moves head, only the reader moves tail.
struct Ring {
  alignas(64) Word head{0};
  Word reader_sleeping{0};
  alignas(64) Word tail{0};
  Word writer_sleeping{0};
  alignas(64) Word closed{0};
  alignas(64) uint8_t data[kRingBytes];
};

struct Shared {
  Ring down;  // parent -> child
  Ring up;    // child -> parent
};

long futex(Word& word, int op, uint32_t value, const timespec* timeout) {
  // Not FUTEX_PRIVATE_FLAG: the waiter and the waker are different processes.
  return ::syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), op, value, timeout, nullptr, 0);
}

// Waits until ready(word) holds. The sleeping flag and the word are both seq_cst, so either the
// waker sees the flag or we see its new value (no lost wake-up); FUTEX_WAIT itself re-checks the
// value, closing the gap between our check and our sleep.
template <typename Ready>
bool waitFor(Word& word, Word& sleeping, const Word& closed, Ready ready, uint32_t& value) {
  for (int i = 0; i < kSpins; ++i) {
    value = word.load(std::memory_order_acquire);
    if (ready(value)) return true;
    __builtin_ia32_pause();
  }
  const uint64_t give_up = monotonicNowNs() + kTimeoutNs;
  const timespec slice{0, 100'000'000};
  for (;;) {
    sleeping.store(1);
    value = word.load();
    if (ready(value)) {
      sleeping.store(0, std::memory_order_relaxed);
      return true;
    }
    if (closed.load()) {
      errno = EPIPE;
      return false;
    }
    if (monotonicNowNs() > give_up) {
      errno = ETIMEDOUT;
      return false;
    }
    futex(word, FUTEX_WAIT, value, &slice);
  }
}

void publish(Word& word, Word& sleeping, uint32_t value) {
  word.store(value);
  if (sleeping.exchange(0)) futex(word, FUTEX_WAKE, INT_MAX, nullptr);
}

class RingEndpoint : public Endpoint {
 public:
  RingEndpoint(Shared* shared, Ring& out, Ring& in) : shared_(shared), out_(out), in_(in) {}
  ~RingEndpoint() override { ::munmap(shared_, sizeof(Shared)); }

  bool send(const uint8_t* data, size_t size) override {
    const uint32_t head = out_.head.load(std::memory_order_relaxed);
    for (size_t done = 0; done < size;) {
      const uint32_t at = head + static_cast<uint32_t>(done);
      uint32_t tail = 0;
      if (!waitFor(out_.tail, out_.writer_sleeping, out_.closed,
                   [&](uint32_t t) { return at - t < kRingBytes; }, tail)) {
        return false;
      }
      const size_t n = std::min<size_t>(kRingBytes - (at - tail), size - done);
      copyIn(out_, at, data + done, n);
      publish(out_.head, out_.reader_sleeping, at + static_cast<uint32_t>(n));
      done += n;
    }
    return true;
  }

  bool receive(uint8_t* data, size_t size) override {
    const uint32_t tail = in_.tail.load(std::memory_order_relaxed);
    for (size_t done = 0; done < size;) {
      const uint32_t at = tail + static_cast<uint32_t>(done);
      uint32_t head = 0;
      if (!waitFor(in_.head, in_.reader_sleeping, in_.closed, [&](uint32_t h) { return h != at; }, head)) {
        return false;
      }
      const size_t n = std::min<size_t>(head - at, size - done);
      copyOut(in_, at, data + done, n);
      publish(in_.tail, in_.writer_sleeping, at + static_cast<uint32_t>(n));
      done += n;
    }
    return true;
  }

  void abort() override {
    for (Ring* ring : {&out_, &in_}) {
      ring->closed.store(1);
      futex(ring->head, FUTEX_WAKE, INT_MAX, nullptr);
      futex(ring->tail, FUTEX_WAKE, INT_MAX, nullptr);
    }
  }

 private:
  static void copyIn(Ring& ring, uint32_t at, const uint8_t* from, size_t n) {
    const size_t offset = at % kRingBytes;
    const size_t first = std::min(n, kRingBytes - offset);
    std::memcpy(ring.data + offset, from, first);
    std::memcpy(ring.data, from + first, n - first);
  }
  static void copyOut(const Ring& ring, uint32_t at, uint8_t* to, size_t n) {
    const size_t offset = at % kRingBytes;
    const size_t first = std::min(n, kRingBytes - offset);
    std::memcpy(to, ring.data + offset, first);
    std::memcpy(to + first, ring.data, n - first);
  }

  Shared* shared_;
  Ring& out_;
  Ring& in_;
};

// Maps the shared object once more; placement-new only on the first mapping.
Shared* mapShared(int fd) {
  void* memory = ::mmap(nullptr, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  return memory == MAP_FAILED ? nullptr : static_cast<Shared*>(memory);
}

}  // namespace

EndpointPair openSharedMemoryRing() {
  // A memfd mapped twice, both before fork: each endpoint owns (and unmaps) its own mapping of the
  // same pages. The descriptor itself is not needed once mapped.
  UniqueFd fd(::memfd_create("sb-ipcbench-ring", MFD_CLOEXEC));
  if (!fd || ::ftruncate(fd.get(), sizeof(Shared)) != 0) {
    return {.error = std::string("memfd: ") + std::strerror(errno)};
  }
  Shared* first = mapShared(fd.get());
  Shared* second = first ? mapShared(fd.get()) : nullptr;
  if (second == nullptr) {
    const std::string why = std::string("mmap: ") + std::strerror(errno);
    if (first) ::munmap(first, sizeof(Shared));
    return {.error = why};
  }
  new (first) Shared;  // the pages start zeroed; this just gives the atomics their lifetime
  EndpointPair pair;
  pair.parent = std::make_unique<RingEndpoint>(first, first->down, first->up);
  pair.child = std::make_unique<RingEndpoint>(second, second->up, second->down);
  return pair;
}

}  // namespace sb::ipcbench
