#pragma once

#include <string>

namespace sb::renderer::probes {

// How an attempt made in a forked child went.
struct ForkedAttempt {
  int fork_error = 0;   // errno of fork(); when non-zero the attempt never ran
  int child_error = 0;  // what the attempt returned: 0 for success, else an errno
  int signal = 0;       // non-zero when the child died of this signal instead

  bool forked() const { return fork_error == 0; }
  bool succeeded() const { return forked() && signal == 0 && child_error == 0; }
};

// Runs `attempt` in a forked child, which exits with its result, and reaps the child. Used where
// a success would change the renderer itself (exec, a new user namespace, credentials). The
// child only runs `attempt`, which must stick to async-signal-safe calls and return 0 or an
// errno below 256.
ForkedAttempt runInForkedChild(int (*attempt)(const void* context), const void* context);

// "killed by SIGSYS" for the detail of an attempt whose child died of a signal.
std::string describeChildSignal(int signal);

}  // namespace sb::renderer::probes
