// Anonymous pipes: one per direction, inherited across fork; only related processes can share one.
#include <fcntl.h>
#include <unistd.h>

#include "apps/tools/ipcbench/kinds.h"
#include "apps/tools/ipcbench/stream_endpoint.h"

namespace sb::ipcbench {

EndpointPair openPipe() {
  int down[2];  // parent -> child
  int up[2];    // child -> parent
  if (::pipe2(down, O_CLOEXEC) != 0) return {.error = "pipe2 failed"};
  if (::pipe2(up, O_CLOEXEC) != 0) {
    ::close(down[0]);
    ::close(down[1]);
    return {.error = "pipe2 failed"};
  }
  return streamPair(UniqueFd(up[0]), UniqueFd(down[1]), UniqueFd(down[0]), UniqueFd(up[1]));
}

}  // namespace sb::ipcbench
