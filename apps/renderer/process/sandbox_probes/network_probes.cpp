// Escape attempts through sockets: the network, and the browser's own control socket.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "apps/renderer/process/sandbox_probes/browser_process.h"
#include "apps/renderer/process/sandbox_probes/probe_functions.h"
#include "common/base/unique_fd.h"

namespace sb::renderer::probes {
namespace {

// tcpmux: nothing listens there on an ordinary machine, so a connect that reaches the kernel's
// TCP stack is refused, and no real service is ever touched.
constexpr uint16_t kClosedPort = 1;

}  // namespace

ProbeOutcome connectInet() {
  UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!fd) return ProbeOutcome::denied(errno, "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(kClosedPort);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0) {
    return ProbeOutcome::allowed("connected (and closed at once)");
  }
  const int error = errno;
  // Refused or still in progress: socket() and connect() both ran, so the network is reachable.
  if (error == ECONNREFUSED)
    return ProbeOutcome::allowed("socket and connect ran; the port is closed", error);
  if (error == EINPROGRESS)
    return ProbeOutcome::allowed("socket and connect ran; connecting", error);
  return ProbeOutcome::denied(error, "connect");
}

ProbeOutcome connectControlSocket() {
  const BrowserLookup browser = findBrowser();
  if (!browser.pid) return browser.why_not;
  const pid_t pid = *browser.pid;
  const ControlSocketLookup lookup = findControlSocket(pid);
  if (lookup.error) {
    return ProbeOutcome::denied(lookup.error, "reading /proc/" + std::to_string(pid) + "/cmdline");
  }
  if (!lookup.path) return ProbeOutcome::notTried("the browser has no control socket");
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (lookup.path->size() >= sizeof(address.sun_path)) {
    return ProbeOutcome::notTried("the control socket's path is too long to connect to");
  }
  std::memcpy(address.sun_path, lookup.path->c_str(), lookup.path->size() + 1);
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!fd) return ProbeOutcome::denied(errno, "socket");
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0) {
    return ProbeOutcome::allowed("connected to " + *lookup.path + " (and closed at once)");
  }
  const int error = errno;
  if (error == ENOENT || error == ECONNREFUSED) {
    return ProbeOutcome::notTried("nothing listens at " + *lookup.path);
  }
  return ProbeOutcome::denied(error, "connect");
}

}  // namespace sb::renderer::probes
