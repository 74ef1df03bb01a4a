// FIFOs: pipes with a name in the file system, so unrelated processes can open them. Both are
// opened here, in a private directory, and unlinked at once: the open descriptors keep working
// and nothing is left behind even if the run is killed.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "apps/tools/ipcbench/kinds.h"
#include "apps/tools/ipcbench/stream_endpoint.h"

namespace sb::ipcbench {
namespace {

// Opening a FIFO for reading blocks until a writer appears; opening the read end non-blocking
// first lets one process open both ends, then the read end goes back to blocking.
bool openBothEnds(const std::string& path, UniqueFd& read_end, UniqueFd& write_end) {
  if (::mkfifo(path.c_str(), 0600) != 0) return false;
  read_end = UniqueFd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (read_end) write_end = UniqueFd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
  const int saved = errno;
  ::unlink(path.c_str());
  errno = saved;
  if (!read_end || !write_end) return false;
  const int flags = ::fcntl(read_end.get(), F_GETFL);
  return flags >= 0 && ::fcntl(read_end.get(), F_SETFL, flags & ~O_NONBLOCK) == 0;
}

}  // namespace

EndpointPair openFifo() {
  char dir[] = "/tmp/sb-ipcbench-fifo-XXXXXX";
  if (::mkdtemp(dir) == nullptr) return {.error = std::string("mkdtemp: ") + std::strerror(errno)};
  UniqueFd down_read, down_write, up_read, up_write;
  const bool ok = openBothEnds(std::string(dir) + "/down", down_read, down_write) &&
                  openBothEnds(std::string(dir) + "/up", up_read, up_write);
  const std::string why = ok ? "" : std::string("FIFO: ") + std::strerror(errno);
  ::rmdir(dir);
  if (!ok) return {.error = why};
  return streamPair(std::move(up_read), std::move(down_write), std::move(down_read),
                    std::move(up_write));
}

}  // namespace sb::ipcbench
