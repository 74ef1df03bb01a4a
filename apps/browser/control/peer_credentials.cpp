#include "apps/browser/control/peer_credentials.h"

#include <sys/socket.h>

namespace sb::browser {

std::optional<PeerCredentials> peerCredentials(int socket_fd) {
  ucred credentials{};
  socklen_t length = sizeof(credentials);
  if (::getsockopt(socket_fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0 ||
      length != sizeof(credentials)) {
    return std::nullopt;
  }
  return PeerCredentials{credentials.pid, credentials.uid, credentials.gid};
}

}  // namespace sb::browser
