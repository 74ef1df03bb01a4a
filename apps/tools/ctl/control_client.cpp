#include "apps/tools/ctl/control_client.h"

#include <errno.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cstring>

#include "common/base/errno_text.h"

namespace sb::ctl {
namespace {

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

int64_t nowMs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

}  // namespace

std::unique_ptr<ControlClient> ControlClient::connect(const std::string& path, std::string* error) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.empty() || path.size() >= sizeof(address.sun_path)) {
    fail(error, "cannot connect to " + path + ": the path must be 1 to " +
                    std::to_string(sizeof(address.sun_path) - 1) + " bytes long");
    return nullptr;
  }
  std::memcpy(address.sun_path, path.data(), path.size());
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd) {
    fail(error, "cannot connect to " + path + ": socket: " + errnoText(errno));
    return nullptr;
  }
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    fail(error, "cannot connect to " + path + ": " + errnoText(errno));
    return nullptr;
  }
  return std::unique_ptr<ControlClient>(new ControlClient(std::move(fd)));
}

bool ControlClient::send(std::string_view request, std::string* error) {
  std::string line(request);
  line += '\n';
  size_t done = 0;
  while (done < line.size()) {
    // MSG_NOSIGNAL: a browser that went away is an error message, not a SIGPIPE.
    const ssize_t n = ::send(fd_.get(), line.data() + done, line.size() - done, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(error, "send: " + errnoText(errno));
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

std::optional<std::string> ControlClient::receive(std::chrono::milliseconds timeout,
                                                  std::string* error) {
  const int64_t deadline = nowMs() + timeout.count();
  for (;;) {
    if (const auto newline = buffer_.find('\n'); newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      return line;
    }
    int wait_ms = -1;
    if (timeout.count() >= 0) {
      wait_ms = static_cast<int>(std::max<int64_t>(0, deadline - nowMs()));
      if (wait_ms == 0) {
        fail(error, "no reply within " + std::to_string(timeout.count()) + " ms");
        return std::nullopt;
      }
    }
    pollfd pfd{fd_.get(), POLLIN, 0};
    const int ready = ::poll(&pfd, 1, wait_ms);
    if (ready < 0 && errno != EINTR) {
      fail(error, "poll: " + errnoText(errno));
      return std::nullopt;
    }
    if (ready <= 0) continue;
    char chunk[64 * 1024];
    const ssize_t n = ::recv(fd_.get(), chunk, sizeof(chunk), 0);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      fail(error, "recv: " + errnoText(errno));
      return std::nullopt;
    }
    if (n == 0) {
      fail(error, "the browser closed the connection without a reply");
      return std::nullopt;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

std::optional<std::string> ControlClient::request(std::string_view request,
                                                  std::chrono::milliseconds timeout,
                                                  std::string* error) {
  if (!send(request, error)) return std::nullopt;
  return receive(timeout, error);
}

}  // namespace sb::ctl
