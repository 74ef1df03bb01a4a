#include "common/process/zygote_client.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "common/base/errno_text.h"
#include "common/process/pidfd.h"
#include "common/process/spawn_steps.h"
#include "common/process/zygote_namespaces.h"
#include "common/process/zygote_protocol.h"

namespace sb::process {
namespace {

bool sendForkRequest(int control, const SpawnFds& fds) {
  ZygoteRecord record{ZygoteRecord::kFork, 0};
  const int passed[ZygoteRecord::kForkFds] = {fds.child_channel.get(), fds.crash_write.get(),
                                              fds.child_report.get()};
  iovec iov{&record, sizeof(record)};
  alignas(cmsghdr) char control_buffer[CMSG_SPACE(sizeof(passed))] = {};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control_buffer;
  msg.msg_controllen = sizeof(control_buffer);
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(passed));
  std::memcpy(CMSG_DATA(c), passed, sizeof(passed));
  ssize_t sent;
  do {
    sent = ::sendmsg(control, &msg, MSG_NOSIGNAL);
  } while (sent < 0 && errno == EINTR);
  return sent == static_cast<ssize_t>(sizeof(record));
}

pid_t parentOf(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("PPid:", 0) == 0) return static_cast<pid_t>(std::stol(line.substr(5)));
  }
  return -1;
}

}  // namespace

LaunchResult forkFromZygote(int control, pid_t zygote_pid, const Namespaces& wanted,
                            std::chrono::milliseconds timeout) {
  auto created = createSpawnFds(true);
  if (auto* error = std::get_if<SpawnFdsError>(&created)) return launchFailure(*error);
  SpawnFds& fds = std::get<SpawnFds>(created);
  if (!sendForkRequest(control, fds)) {
    return LaunchFailure{"sending the fork request to the zygote: " + errnoText(errno), errno};
  }
  fds.closeChildEnds();  // the zygote has its copies now

  pollfd pfd{fds.report.get(), POLLIN, 0};
  int ready;
  do {
    ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  if (ready == 0) {
    return LaunchFailure{"the zygote forked nothing within " + std::to_string(timeout.count()) + " ms",
                         ETIMEDOUT};
  }
  const auto pid = receiveProgramPid(fds.report.get());
  if (!pid) return LaunchFailure{"the zygote could not fork a renderer (see its log)", 0};

  UniqueFd pidfd(::pidfd_open(*pid, 0));
  // A pid that is not the zygote's child is not ours to signal: nothing below touches it.
  if (pidfd && parentOf(*pid) != zygote_pid) {
    return LaunchFailure{"the zygote's new renderer " + std::to_string(*pid) + " is not its child", 0};
  }
  // Gone already: the pid may name another process by now, and the report says how it ended.
  if (programEndReported(fds.report.get())) pidfd.reset();

  LaunchedChild child;
  child.pid = *pid;
  child.pidfd = std::move(pidfd);
  child.channel = std::move(fds.channel);
  child.crash_pipe = std::move(fds.crash_read);
  child.namespaces = observeZygoteChildNamespaces(*pid, zygote_pid, wanted);
  child.exit_report = std::move(fds.report);
  return child;
}

}  // namespace sb::process
