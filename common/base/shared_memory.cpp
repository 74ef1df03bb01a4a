#include "common/base/shared_memory.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "common/base/errno_text.h"

namespace sb {

std::variant<SharedMemory, std::string> SharedMemory::create(const char* name, size_t size) {
  if (size == 0) return std::string("shared memory of 0 bytes");
  UniqueFd fd(::memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING));
  if (!fd) return "memfd_create: " + errnoText(errno);
  if (::ftruncate(fd.get(), static_cast<off_t>(size)) != 0) return "ftruncate: " + errnoText(errno);
  // Shrink and grow sealed: the size every reader checked stays the size.
  if (::fcntl(fd.get(), F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) != 0) {
    return "F_ADD_SEALS: " + errnoText(errno);
  }
  void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0);
  if (data == MAP_FAILED) return "mmap: " + errnoText(errno);
  return SharedMemory(std::move(fd), static_cast<uint8_t*>(data), size, true);
}

std::variant<SharedMemory, std::string> SharedMemory::mapReadOnly(UniqueFd fd, size_t min_size) {
  if (!fd) return std::string("no descriptor");
  if (min_size == 0) return std::string("nothing to map");
  const int seals = ::fcntl(fd.get(), F_GET_SEALS);
  if (seals < 0) return "not a memfd (F_GET_SEALS: " + errnoText(errno) + ")";
  if (!(seals & F_SEAL_SHRINK)) return std::string("memfd not sealed against shrinking");
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return "fstat: " + errnoText(errno);
  if (info.st_size < 0 || static_cast<uint64_t>(info.st_size) < min_size) {
    return "memfd holds " + std::to_string(info.st_size) + " bytes, " + std::to_string(min_size) + " needed";
  }
  void* data = ::mmap(nullptr, min_size, PROT_READ, MAP_SHARED, fd.get(), 0);
  if (data == MAP_FAILED) return "mmap: " + errnoText(errno);
  return SharedMemory(UniqueFd(), static_cast<uint8_t*>(data), min_size, false);
}

SharedMemory::~SharedMemory() { unmap(); }

SharedMemory::SharedMemory(SharedMemory&& other) noexcept
    : fd_(std::move(other.fd_)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      writable_(std::exchange(other.writable_, false)) {}

SharedMemory& SharedMemory::operator=(SharedMemory&& other) noexcept {
  if (this != &other) {
    unmap();
    fd_ = std::move(other.fd_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    writable_ = std::exchange(other.writable_, false);
  }
  return *this;
}

void SharedMemory::unmap() {
  if (data_) ::munmap(data_, size_);
  data_ = nullptr;
  size_ = 0;
}

}  // namespace sb
