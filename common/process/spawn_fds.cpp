#include "common/process/spawn_fds.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "common/base/errno_text.h"
#include "common/process/pidfd.h"

namespace sb::process {
namespace {

// Above the range the child rearranges (0..kInitReportFd), keeping close-on-exec.
UniqueFd moveHigh(UniqueFd fd) {
  UniqueFd high(::fcntl(fd.get(), F_DUPFD_CLOEXEC, 10));
  return high ? std::move(high) : std::move(fd);
}

SpawnFdsError failure(const char* what) {
  const int err = errno;
  return {std::string(what) + ": " + errnoText(err), err};
}

}  // namespace

void SpawnFds::closeChildEnds() {
  child_channel.reset();
  crash_write.reset();
  devnull.reset();
  error_write.reset();
  child_report.reset();
  browser_pidfd.reset();
}

std::variant<SpawnFds, SpawnFdsError> createSpawnFds(bool for_namespaces) {
  SpawnFds fds;
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, pair) != 0) {
    return failure("socketpair");
  }
  fds.channel = UniqueFd(pair[0]);
  fds.child_channel = moveHigh(UniqueFd(pair[1]));
  ::fcntl(fds.child_channel.get(), F_SETFL,
          ::fcntl(fds.child_channel.get(), F_GETFL) & ~O_NONBLOCK);

  int crash[2];
  if (::pipe2(crash, O_CLOEXEC) != 0) return failure("pipe2 (crash pipe)");
  fds.crash_read = UniqueFd(crash[0]);
  fds.crash_write = moveHigh(UniqueFd(crash[1]));
  ::fcntl(fds.crash_read.get(), F_SETFL, O_NONBLOCK);

  fds.devnull = moveHigh(UniqueFd(::open("/dev/null", O_RDONLY | O_CLOEXEC)));
  if (!fds.devnull) return failure("open /dev/null");

  int error_pipe[2];
  if (::pipe2(error_pipe, O_CLOEXEC) != 0) return failure("pipe2");
  fds.error_read = UniqueFd(error_pipe[0]);
  fds.error_write = moveHigh(UniqueFd(error_pipe[1]));

  if (!for_namespaces) return fds;
  int report[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, report) != 0) {
    return failure("socketpair (init report)");
  }
  fds.report = UniqueFd(report[0]);
  fds.child_report = moveHigh(UniqueFd(report[1]));
  // Before the child can send anything: credentials are only attached while this is set.
  const int on = 1;
  if (::setsockopt(fds.report.get(), SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)) != 0) {
    return failure("SO_PASSCRED");
  }
  ::fcntl(fds.report.get(), F_SETFL, O_NONBLOCK);
  fds.browser_pidfd = moveHigh(UniqueFd(::pidfd_open(::getpid(), 0)));
  if (!fds.browser_pidfd) return failure("pidfd_open (self)");
  return fds;
}

}  // namespace sb::process
