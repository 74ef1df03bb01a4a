#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "common/base/unique_fd.h"

namespace sb {

// One mapping of a memfd, shared between processes. The writer creates it (read-write, sealed
// against shrinking so a reader's mapping can never run past the end of the file and fault); the
// reader maps what it was sent read-only, after checking its size and seals.
class SharedMemory {
 public:
  // A new memfd of `size` bytes (zero-filled), sealed against shrinking, mapped read-write.
  static std::variant<SharedMemory, std::string> create(const char* name, size_t size);
  // Maps `fd` read-only. Refused (with the reason) unless it is a memfd sealed against shrinking
  // that holds at least `min_size` bytes; exactly `min_size` bytes are mapped.
  static std::variant<SharedMemory, std::string> mapReadOnly(UniqueFd fd, size_t min_size);

  SharedMemory() = default;
  ~SharedMemory();
  SharedMemory(SharedMemory&& other) noexcept;
  SharedMemory& operator=(SharedMemory&& other) noexcept;
  SharedMemory(const SharedMemory&) = delete;
  SharedMemory& operator=(const SharedMemory&) = delete;

  bool valid() const { return data_ != nullptr; }
  const uint8_t* data() const { return data_; }
  uint8_t* writableData() { return writable_ ? data_ : nullptr; }
  size_t size() const { return size_; }
  // The memfd, to pass on; empty for a read-only mapping (it keeps no descriptor).
  int fd() const { return fd_.get(); }
  // Closes the descriptor; the mapping stays.
  void closeFd() { fd_.reset(); }

 private:
  SharedMemory(UniqueFd fd, uint8_t* data, size_t size, bool writable)
      : fd_(std::move(fd)), data_(data), size_(size), writable_(writable) {}
  void unmap();

  UniqueFd fd_;
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  bool writable_ = false;
};

}  // namespace sb
