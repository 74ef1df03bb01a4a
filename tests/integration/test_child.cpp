// A protocol-speaking child for tests. It engages the sandbox like every child (unless
// --no-sandbox), then --mode picks a behaviour:
//   normal             Hello, then serve Ping/Shutdown like any child
//   abort              Hello, then abort()
//   exit=N             Hello, then exit with code N
//   silent             never says Hello; waits for the browser to go away
//   garbage            Hello, then bytes that are not a frame
//   wrong-kind         Hello claiming to be a GPU process
//   bad-version        Hello with an unknown protocol version
//   stray-fd           opens /dev/null without close-on-exec before the sandbox, as a careless
//                      library would, then behaves as normal
//   forbidden-syscall  Hello, then bpf(), which the sandbox answers with SIGSYS
//   escape-attempts    Hello, then openat, socket, execve, fork and kill(1); logs
//                      "escape-attempts: openat=EPERM ..." and exits with the number of attempts
//                      that did not fail with EPERM
#include <fcntl.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <span>
#include <string>

#include "common/child/child_runtime.h"
#include "common/log/logging.h"
#include "common/sandbox/engage.h"

namespace {

// 0 when the call succeeded, else its errno.
int errorOf(long result) { return result < 0 ? errno : 0; }

int tryOpen() {
  const int fd = ::openat(AT_FDCWD, "/etc/hostname", O_RDONLY | O_CLOEXEC);
  const int error = errorOf(fd);
  if (fd >= 0) ::close(fd);
  return error;
}

int trySocket() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int error = errorOf(fd);
  if (fd >= 0) ::close(fd);
  return error;
}

// An argv the kernel cannot read: an allowed execve fails with EFAULT instead of replacing us.
int tryExec() {
  auto* const unreadable = reinterpret_cast<char* const*>(alignof(char*));
  return errorOf(::syscall(SYS_execve, "/bin/true", unreadable, unreadable));
}

int tryFork() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  if (child < 0) return errno;
  ::waitpid(child, nullptr, 0);
  return 0;
}

// Signal 0 to pid 1: only asks whether it could be signalled.
int tryKill() { return errorOf(::kill(1, 0)); }

int escapeAttempts() {
  const std::pair<const char*, int (*)()> attempts[] = {{"openat", tryOpen},
                                                        {"socket", trySocket},
                                                        {"execve", tryExec},
                                                        {"fork", tryFork},
                                                        {"kill", tryKill}};
  std::string report = "escape-attempts:";
  int not_denied = 0;
  for (const auto& [name, attempt] : attempts) {
    const int error = attempt();
    const char* error_name = error ? strerrorname_np(error) : nullptr;
    report += std::string(" ") + name + "=" + (error_name ? error_name : "ok");
    if (error != EPERM) ++not_denied;
  }
  spdlog::info("{}", report);
  return not_denied;
}

}  // namespace

int main(int argc, char** argv) {
  sb::log::initLogging("test-child");
  const auto args = std::span<char* const>(argv, static_cast<size_t>(argc));
  std::string mode = "normal";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--mode=", 0) == 0) mode = arg.substr(7);
  }
  auto fd = sb::child::findIpcFd(args);
  if (!fd) return 2;
  if (mode == "silent") {
    char byte;
    while (::read(*fd, &byte, 1) > 0) {
    }
    return 0;
  }
  if (mode == "stray-fd") (void)::open("/dev/null", O_RDONLY);
  const auto kind = mode == "wrong-kind" ? sb::wire::PROCESS_KIND_GPU : sb::wire::PROCESS_KIND_TEST;
  sb::child::ChildRuntime runtime(kind, sb::UniqueFd(*fd));
  runtime.forwardLogs();
  const auto sandbox_status = sb::sandbox::engageChildSandbox(kind, args, runtime.channel().fd());
  if (mode == "bad-version") {
    sb::wire::Envelope envelope;
    envelope.mutable_hello()->set_kind(kind);
    envelope.mutable_hello()->set_protocol_version(static_cast<sb::wire::ProtocolVersion>(99));
    runtime.send(envelope);
  } else {
    runtime.sendHello(sandbox_status);
    sb::sandbox::logSandboxStatus(sandbox_status);
  }
  runtime.channel().flushBlocking(1000);
  if (mode == "abort") std::abort();
  if (mode.rfind("exit=", 0) == 0) std::_Exit(std::atoi(mode.c_str() + 5));
  if (mode == "garbage") {
    const char junk[] = "\x05\x00\x00\x00\xff\xff\xff\xff\xff";
    (void)!::write(runtime.channel().fd(), junk, sizeof(junk) - 1);
  }
  if (mode == "forbidden-syscall") {
    // An invalid command: harmless (EINVAL) should the sandbox be off.
    ::syscall(SYS_bpf, -1, nullptr, 0);
    return 3;
  }
  if (mode == "escape-attempts") {
    const int not_denied = escapeAttempts();
    runtime.channel().flushBlocking(1000);
    return not_denied;
  }
  return runtime.run();
}
