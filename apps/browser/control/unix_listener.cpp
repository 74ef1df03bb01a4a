#include "apps/browser/control/unix_listener.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include "common/base/errno_text.h"

namespace sb::browser {
namespace {

constexpr int kBacklog = 16;

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

sockaddr_un addressOf(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  return address;
}

// True when a process accepts connections at `path`: the socket is not stale.
bool someoneListens(const std::string& path) {
  UniqueFd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!probe) return false;
  const sockaddr_un address = addressOf(path);
  return ::connect(probe.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
}

// A socket file left by a browser that died (SIGKILL leaves it) is in the way; a socket another
// browser still listens on, or anything else at the path, is not ours to delete.
bool clearStaleSocket(const std::string& path, std::string* error) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return true;
    return fail(error, "cannot inspect " + path + ": " + errnoText(errno));
  }
  if (!S_ISSOCK(st.st_mode)) {
    return fail(error, path + " exists and is not a socket; not replacing it");
  }
  if (someoneListens(path)) return fail(error, "another browser is listening on " + path);
  if (::unlink(path.c_str()) != 0) {
    return fail(error, "cannot remove the old socket " + path + ": " + errnoText(errno));
  }
  return true;
}

}  // namespace

std::unique_ptr<UnixListener> UnixListener::create(const std::string& path, std::string* error) {
  if (path.empty() || path.size() >= sizeof(sockaddr_un::sun_path)) {
    fail(error, "the socket path must be 1 to " + std::to_string(sizeof(sockaddr_un::sun_path) - 1) +
                    " bytes long");
    return nullptr;
  }
  const sockaddr_un address = addressOf(path);
  if (!clearStaleSocket(path, error)) return nullptr;

  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (!fd) {
    fail(error, "socket: " + errnoText(errno));
    return nullptr;
  }
  // bind() creates the file with the umask applied, so a restrictive umask around it leaves no
  // moment in which the socket is open to others (a chmod afterwards would). The umask is
  // process-wide, but any file another thread creates meanwhile is only made more private.
  const mode_t old_mask = ::umask(0177);
  const int bound = ::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address));
  const int bind_errno = errno;
  ::umask(old_mask);
  if (bound != 0) {
    fail(error, "bind " + path + ": " + errnoText(bind_errno));
    return nullptr;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || ::listen(fd.get(), kBacklog) != 0) {
    const int saved = errno;
    ::unlink(path.c_str());
    fail(error, "listen " + path + ": " + errnoText(saved));
    return nullptr;
  }
  return std::unique_ptr<UnixListener>(new UnixListener(path, std::move(fd), st.st_dev, st.st_ino));
}

UnixListener::UnixListener(std::string path, UniqueFd fd, dev_t dev, ino_t ino)
    : path_(std::move(path)), fd_(std::move(fd)), dev_(dev), ino_(ino) {}

UnixListener::~UnixListener() {
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0 && st.st_dev == dev_ && st.st_ino == ino_) {
    ::unlink(path_.c_str());
  }
}

UniqueFd UnixListener::accept() {
  return UniqueFd(::accept4(fd_.get(), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK));
}

}  // namespace sb::browser
