#pragma once

#include <sys/types.h>

#include <optional>

namespace sb::browser {

// Who is at the other end of a connected Unix socket, as the kernel recorded it at connect time
// (SO_PEERCRED): it cannot be forged by the peer.
struct PeerCredentials {
  pid_t pid = 0;
  uid_t uid = 0;
  gid_t gid = 0;
};

std::optional<PeerCredentials> peerCredentials(int socket_fd);

}  // namespace sb::browser
