// The zygote: a renderer that has done its start-up (dynamic linking, static initialisers,
// logging, time-zone data) but engaged no sandbox layer, because those would stop it from
// forking renderers into new namespaces. Each renderer it forks engages its own.
#include "apps/renderer/zygote/zygote_main.h"

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <span>

#include <spdlog/spdlog.h>

#include "apps/renderer/zygote/zygote_config.h"
#include "apps/renderer/zygote/zygote_fork.h"
#include "common/base/errno_text.h"
#include "common/child/child_runtime.h"
#include "common/log/logging.h"
#include "common/process/spawn_protocol.h"
#include "common/process/zygote_protocol.h"
#include "common/sandbox/preload.h"
#include "sandbrowser.pb.h"

namespace sb::renderer {
namespace {

using process::ZygoteRecord;

// Work every renderer would otherwise repeat after its exec.
void preinitialise() {
  sandbox::preloadBeforeSandbox();
  wire::Envelope warm;  // protobuf's descriptors and arenas
  warm.mutable_hello()->set_pid(1);
  (void)warm.SerializeAsString();
}

// One request: the record and its three descriptors. nullopt at EOF or on a broken request.
enum class Received { kRequest, kClosed, kBroken };

Received receiveRequest(int control, ForkRequest& request) {
  ZygoteRecord record;
  iovec iov{&record, sizeof(record)};
  alignas(cmsghdr) char buffer[CMSG_SPACE(sizeof(int) * ZygoteRecord::kForkFds)] = {};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = buffer;
  msg.msg_controllen = sizeof(buffer);
  ssize_t got;
  do {
    got = ::recvmsg(control, &msg, MSG_CMSG_CLOEXEC | MSG_WAITALL);
  } while (got < 0 && errno == EINTR);
  // ECONNRESET: the browser closed its end with our "ready" still unread, as when it quits at once.
  if (got == 0 || (got < 0 && errno == ECONNRESET)) return Received::kClosed;
  std::vector<UniqueFd> fds;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    const size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int fd;
      std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
      fds.emplace_back(fd);
    }
  }
  if (got != static_cast<ssize_t>(sizeof(record)) || record.magic != ZygoteRecord::kFork ||
      fds.size() != ZygoteRecord::kForkFds || (msg.msg_flags & MSG_CTRUNC)) {
    return Received::kBroken;
  }
  request = ForkRequest{std::move(fds[0]), std::move(fds[1]), std::move(fds[2])};
  return Received::kRequest;
}

// Reaps every renderer that has ended, reporting each on its own socket first: the browser's
// pidfd for it stays valid until the report is there, so it never signals a reused pid.
void reapEnded(std::map<pid_t, UniqueFd>& children) {
  for (;;) {
    siginfo_t info{};
    if (::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid == 0) return;
    const pid_t pid = info.si_pid;
    if (auto it = children.find(pid); it != children.end()) {
      const process::InitReport ended{process::InitReport::kProgramEnded, info.si_code, info.si_status};
      (void)!::send(it->second.get(), &ended, sizeof(ended), MSG_NOSIGNAL);
      children.erase(it);
    }
    siginfo_t reaped{};
    while (::waitid(P_PID, static_cast<id_t>(pid), &reaped, WEXITED) != 0 && errno == EINTR) {
    }
  }
}

}  // namespace

int runZygote(int argc, char** argv) {
  log::initLogging("zygote");
  const std::span<char* const> args(argv, static_cast<size_t>(argc));
  const auto control = child::findIpcFd(args);
  if (!control) {
    spdlog::error("no channel: the zygote is started by the browser (expected --ipc-fd=N)");
    return 2;
  }
  const ZygoteConfig config = zygoteConfigFrom(args);
  preinitialise();

  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  ::sigprocmask(SIG_BLOCK, &chld, nullptr);
  const UniqueFd sigchld(::signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK));
  if (!sigchld) {
    spdlog::error("zygote: signalfd: {}", errnoText(errno));
    return 1;
  }
  const ZygoteRecord ready{ZygoteRecord::kReady, 0};
  if (::send(*control, &ready, sizeof(ready), MSG_NOSIGNAL) != sizeof(ready)) return 0;

  std::map<pid_t, UniqueFd> children;  // renderer -> its report socket
  for (;;) {
    pollfd fds[2] = {{*control, POLLIN, 0}, {sigchld.get(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      spdlog::error("zygote: poll: {}", errnoText(errno));
      return 1;
    }
    if (fds[1].revents) {
      signalfd_siginfo drained;
      while (::read(sigchld.get(), &drained, sizeof(drained)) > 0) {
      }
      reapEnded(children);
    }
    if (!fds[0].revents) continue;
    ForkRequest request;
    switch (receiveRequest(*control, request)) {
      case Received::kClosed: return 0;  // the browser is gone; our renderers die with us
      case Received::kBroken:
        spdlog::error("zygote: a malformed request on the channel");
        return 1;
      case Received::kRequest: break;
    }
    const pid_t pid = forkRenderer(request, config);
    if (pid < 0) {
      // Closing our copy of its report socket tells the browser, which then execs instead.
      spdlog::warn("zygote: fork: {}", errnoText(-pid));
      continue;
    }
    children.emplace(pid, std::move(request.report));
  }
}

}  // namespace sb::renderer
