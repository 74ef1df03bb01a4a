#pragma once

#include <utility>

namespace sb {

// Owns one file descriptor and closes it exactly once. Move-only, so ownership is visible in
// signatures: a function taking UniqueFd takes the descriptor.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() { reset(); }

  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  explicit operator bool() const { return valid(); }

  int release() { return std::exchange(fd_, -1); }
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

// Duplicates fd with close-on-exec set; returns an invalid UniqueFd on failure (errno is kept).
UniqueFd duplicateFd(int fd);

}  // namespace sb
