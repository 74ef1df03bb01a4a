#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/base/unique_fd.h"

namespace sb::ctl {

// The client end of the browser's control socket: JSON lines over AF_UNIX, plain POSIX, no Qt, so
// that the command-line tool, the tests and the benchmarks share one small implementation.
class ControlClient {
 public:
  // Null with "cannot connect to PATH: ..." in `error` on failure.
  static std::unique_ptr<ControlClient> connect(const std::string& path, std::string* error);

  // Sends `request` plus a newline. False with a message on failure.
  bool send(std::string_view request, std::string* error);
  // The next reply line without its newline; nullopt with a message on timeout, EOF or error.
  // A negative timeout waits for ever.
  std::optional<std::string> receive(std::chrono::milliseconds timeout, std::string* error);
  // send() then receive().
  std::optional<std::string> request(std::string_view request, std::chrono::milliseconds timeout,
                                     std::string* error);

  int fd() const { return fd_.get(); }

 private:
  explicit ControlClient(UniqueFd fd) : fd_(std::move(fd)) {}

  UniqueFd fd_;
  std::string buffer_;  // received bytes after the last complete line
};

}  // namespace sb::ctl
