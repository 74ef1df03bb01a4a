#include "common/process/spawn_steps.h"

#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/base/errno_text.h"

namespace sb::process {

std::optional<SpawnError> awaitExec(int error_read) {
  SpawnError record{};
  ssize_t got;
  do {
    got = ::read(error_read, &record, sizeof(record));
  } while (got < 0 && errno == EINTR);
  if (got == static_cast<ssize_t>(sizeof(record))) return record;
  return std::nullopt;
}

std::string describeSpawnError(const SpawnError& error, const std::string& binary) {
  std::string what;
  switch (error.stage) {
    case SpawnStage::kSetgroups:
      what = "writing /proc/self/setgroups";
      break;
    case SpawnStage::kUidMap:
      what = "writing /proc/self/uid_map";
      break;
    case SpawnStage::kGidMap:
      what = "writing /proc/self/gid_map";
      break;
    case SpawnStage::kExecInit:
      what = std::string("exec ") + kNamespaceInitExecutable;
      break;
    case SpawnStage::kStartProgram:
      what = "starting the program under the namespace init";
      break;
    case SpawnStage::kExecProgram:
      what = "exec " + binary;
      break;
    default:
      what = "preparing the child";
      break;
  }
  return what + ": " + errnoText(error.error);
}

void reapExiting(pid_t pid) {
  while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
}

std::optional<pid_t> receiveProgramPid(int report) {
  InitReport record;
  iovec iov{&record, sizeof(record)};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  ssize_t got;
  do {
    got = ::recvmsg(report, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
  } while (got < 0 && errno == EINTR);
  if (got != static_cast<ssize_t>(sizeof(record)) || record.magic != InitReport::kProgramStarted) {
    return std::nullopt;
  }
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
      ucred cred;
      std::memcpy(&cred, CMSG_DATA(c), sizeof(cred));
      if (cred.pid > 0) return cred.pid;
    }
  }
  return std::nullopt;
}

bool programEndReported(int report) {
  InitReport record;
  return ::recv(report, &record, sizeof(record), MSG_PEEK | MSG_DONTWAIT) > 0;
}

LaunchFailure launchFailure(const SpawnFdsError& error) {
  return LaunchFailure{error.message, error.error};
}

}  // namespace sb::process
