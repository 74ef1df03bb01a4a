#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "common/base/unique_fd.h"

namespace sb::browser {

// A listening AF_UNIX stream socket at a filesystem path that only this user may use: the file is
// created mode 0600, and removed on destruction unless another process has replaced it meanwhile.
class UnixListener {
 public:
  // Replaces a stale socket file at `path`, but never a file of another type. Null with a message
  // in `error` on failure.
  static std::unique_ptr<UnixListener> create(const std::string& path, std::string* error);
  ~UnixListener();

  UnixListener(const UnixListener&) = delete;
  UnixListener& operator=(const UnixListener&) = delete;

  int fd() const { return fd_.get(); }
  const std::string& path() const { return path_; }
  // One pending connection, non-blocking and close-on-exec; invalid when none is waiting.
  UniqueFd accept();

 private:
  UnixListener(std::string path, UniqueFd fd, dev_t dev, ino_t ino);

  std::string path_;
  UniqueFd fd_;
  dev_t dev_;  // identify our socket file, so we never unlink a successor's
  ino_t ino_;
};

}  // namespace sb::browser
