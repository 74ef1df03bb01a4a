// TCP over the loopback interface: the same calls as between hosts, so anything that can reach the
// port can talk; every byte goes through the full TCP/IP stack (segments, acks, checksums
// offloaded) even though it never leaves the machine.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "apps/tools/ipcbench/kinds.h"
#include "apps/tools/ipcbench/stream_endpoint.h"

namespace sb::ipcbench {
namespace {

EndpointPair failed(const char* what) { return {.error = std::string(what) + ": " + std::strerror(errno)}; }

}  // namespace

EndpointPair openTcpLoopback() {
  UniqueFd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!listener) return failed("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;  // any free port
  socklen_t len = sizeof addr;
  if (::bind(listener.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return failed("bind");
  if (::listen(listener.get(), 1) != 0) return failed("listen");
  if (::getsockname(listener.get(), reinterpret_cast<sockaddr*>(&addr), &len) != 0) return failed("getsockname");
  // The kernel completes the handshake against the backlog, so a blocking connect before accept
  // returns at once.
  UniqueFd client(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!client) return failed("socket");
  if (::connect(client.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return failed("connect");
  UniqueFd server(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
  if (!server) return failed("accept");
  // Small messages would otherwise wait for the previous segment's ack (Nagle).
  const int one = 1;
  ::setsockopt(client.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ::setsockopt(server.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return socketPair(std::move(client), std::move(server));
}

}  // namespace sb::ipcbench
