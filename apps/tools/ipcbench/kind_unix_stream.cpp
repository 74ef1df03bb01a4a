// A Unix stream socketpair: two-way on one descriptor, a byte stream like a pipe. Unrelated
// processes reach one through a path or by being handed the descriptor (our browser's way).
#include <sys/socket.h>

#include "apps/tools/ipcbench/kinds.h"
#include "apps/tools/ipcbench/stream_endpoint.h"

namespace sb::ipcbench {

EndpointPair openUnixStream() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return {.error = "socketpair failed"};
  return socketPair(UniqueFd(fds[0]), UniqueFd(fds[1]));
}

}  // namespace sb::ipcbench
