#include "apps/renderer/process/sandbox_probes/forked_attempt.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace sb::renderer::probes {

ForkedAttempt runInForkedChild(int (*attempt)(const void* context), const void* context) {
  ForkedAttempt result;
  const pid_t child = ::fork();
  if (child < 0) {
    result.fork_error = errno;
    return result;
  }
  if (child == 0) ::_exit(attempt(context) & 0xFF);  // _exit: no atexit handlers, no flushing
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      result.child_error = errno;
      return result;
    }
  }
  if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  } else {
    result.child_error = WEXITSTATUS(status);
  }
  return result;
}

std::string describeChildSignal(int signal) {
  const char* name = ::sigabbrev_np(signal);
  return std::string("the child was killed by ") +
         (name ? std::string("SIG") + name : std::to_string(signal));
}

}  // namespace sb::renderer::probes
