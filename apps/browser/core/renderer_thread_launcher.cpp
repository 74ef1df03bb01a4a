#include "apps/browser/core/renderer_thread_launcher.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>

#include <spdlog/spdlog.h>

#include "common/process/spawn_protocol.h"

namespace sb::browser {
namespace {

process::LaunchFailure failure(const char* what) {
  const int error = errno;
  return {std::string(what) + ": " + std::strerror(error), error};
}

}  // namespace

process::LaunchResult launchRendererThread(renderer::BeforeProcessFault before_fault) {
  int channel[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) != 0) return failure("socketpair");
  UniqueFd browser_end(channel[0]);
  UniqueFd thread_end(channel[1]);
  int report[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, report) != 0) {
    return failure("socketpair (exit report)");
  }
  UniqueFd exit_report(report[0]);
  UniqueFd thread_report(report[1]);
  ::fcntl(browser_end.get(), F_SETFL, ::fcntl(browser_end.get(), F_GETFL) | O_NONBLOCK);

  // The renderer's deliberate crashes are now the browser's: like the children's
  // (LaunchOptions::allow_core_dumps), they should not leave a core file behind.
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);

  try {
    std::thread([channel = std::move(thread_end), done = std::move(thread_report),
                 before_fault = std::move(before_fault)]() mutable {
      // Named, so ps -L, top -H and /proc/PID/task/*/comm show the renderers inside the browser.
      ::pthread_setname_np(::pthread_self(), kRendererThreadName);
      const int code = renderer::runRendererThread(std::move(channel), std::move(before_fault));
      process::InitReport ended;
      ended.magic = process::InitReport::kProgramEnded;
      ended.code = CLD_EXITED;
      ended.status = code;
      // The browser may have abandoned this thread already; then nobody reads, which is fine.
      ::send(done.get(), &ended, sizeof(ended), MSG_NOSIGNAL | MSG_DONTWAIT);
    }).detach();
  } catch (const std::system_error& error) {
    return process::LaunchFailure{std::string("cannot start a renderer thread: ") + error.what(),
                                  error.code().value()};
  }

  process::LaunchedChild launched;
  launched.pid = ::getpid();
  launched.channel = std::move(browser_end);
  launched.exit_report = std::move(exit_report);
  launched.in_process = true;
  spdlog::debug("renderer thread started in the browser process");
  return launched;
}

}  // namespace sb::browser
