// A Unix seqpacket socketpair: connected like a stream, but every send is one record the reader
// gets whole. A record must fit the socket's send buffer (net.core.wmem_default, about 208 KiB),
// so larger messages go as kChunk-sized records.
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

#include "apps/tools/ipcbench/kinds.h"
#include "common/base/unique_fd.h"

namespace sb::ipcbench {
namespace {

constexpr size_t kChunk = 64 * 1024;

class SeqpacketEndpoint : public Endpoint {
 public:
  explicit SeqpacketEndpoint(UniqueFd socket) : socket_(std::move(socket)) {}

  bool send(const uint8_t* data, size_t size) override {
    for (size_t done = 0; done < size;) {
      const size_t n = std::min(kChunk, size - done);
      const ssize_t sent = ::send(socket_.get(), data + done, n, MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      if (sent != static_cast<ssize_t>(n)) return false;
      done += n;
    }
    return true;
  }

  bool receive(uint8_t* data, size_t size) override {
    // Both sides cut the same message at the same places, so each record has a known length.
    for (size_t done = 0; done < size;) {
      const size_t n = std::min(kChunk, size - done);
      const ssize_t got = ::recv(socket_.get(), data + done, n, MSG_TRUNC);
      if (got < 0 && errno == EINTR) continue;
      if (got == 0) errno = 0;
      if (got != static_cast<ssize_t>(n)) {
        if (got > 0) errno = EMSGSIZE;
        return false;
      }
      done += n;
    }
    return true;
  }

 private:
  UniqueFd socket_;
};

}  // namespace

EndpointPair openUnixSeqpacket() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0) {
    return {.error = "socketpair(SOCK_SEQPACKET) failed"};
  }
  EndpointPair pair;
  pair.parent = std::make_unique<SeqpacketEndpoint>(UniqueFd(fds[0]));
  pair.child = std::make_unique<SeqpacketEndpoint>(UniqueFd(fds[1]));
  pair.chunk_bytes = kChunk;
  pair.note = "unix-seqpacket: records are at most 64 KiB (a record must fit the socket send buffer)";
  return pair;
}

}  // namespace sb::ipcbench
