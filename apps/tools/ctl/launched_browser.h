#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sb::ctl {

// `sandbrowser --headless --control-socket DIR/control.sock` as a child of this process, with the
// socket in a fresh private directory: what the integration tests and benchmarks drive. The child
// dies with us (PDEATHSIG) and is killed and reaped on destruction if it is still running, so a
// failing test leaves nothing behind.
class LaunchedBrowser {
 public:
  struct Options {
    std::string executable;  // path of sandbrowser
    std::vector<std::string> extra_arguments;
    std::vector<std::string> environment;  // "NAME=value", added to (or replacing in) ours
    std::chrono::milliseconds ready_timeout{10000};
  };

  // Returns once the socket accepts connections; null with a message in `error` otherwise.
  static std::unique_ptr<LaunchedBrowser> start(const Options& options, std::string* error);
  ~LaunchedBrowser();

  LaunchedBrowser(const LaunchedBrowser&) = delete;
  LaunchedBrowser& operator=(const LaunchedBrowser&) = delete;

  pid_t pid() const { return pid_; }
  const std::string& socketPath() const { return socket_path_; }
  bool running();
  // Waits for the exit (a negative timeout: for ever); the waitpid status (-1 if it cannot be
  // known), or nullopt if it is still running after `timeout`.
  std::optional<int> waitForExit(std::chrono::milliseconds timeout);

 private:
  LaunchedBrowser(pid_t pid, std::string directory);

  pid_t pid_;
  std::string directory_;
  std::string socket_path_;
  std::optional<int> status_;  // once reaped
};

}  // namespace sb::ctl
