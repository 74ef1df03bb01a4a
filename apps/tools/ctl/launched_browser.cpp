#include "apps/tools/ctl/launched_browser.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <thread>

#include "apps/tools/ctl/control_client.h"
#include "common/base/errno_text.h"

extern char** environ;

namespace sb::ctl {
namespace {

using namespace std::chrono_literals;

std::vector<std::string> mergedEnvironment(const std::vector<std::string>& overrides) {
  std::vector<std::string> merged;
  auto overridden = [&](const std::string& entry) {
    const std::string name = entry.substr(0, entry.find('='));
    for (const auto& o : overrides) {
      if (o.substr(0, o.find('=')) == name) return true;
    }
    return false;
  };
  for (char** e = environ; *e; ++e) {
    if (!overridden(*e)) merged.emplace_back(*e);
  }
  merged.insert(merged.end(), overrides.begin(), overrides.end());
  return merged;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::unique_ptr<LaunchedBrowser> LaunchedBrowser::start(const Options& options,
                                                        std::string* error) {
  char directory_template[] = "/tmp/sandbrowser-control-XXXXXX";
  if (!::mkdtemp(directory_template)) {
    if (error) *error = "mkdtemp: " + errnoText(errno);
    return nullptr;
  }
  const std::string directory = directory_template;
  const std::string socket_path = directory + "/control.sock";

  // Everything exec needs is built before fork: the child only calls async-signal-safe functions.
  std::vector<std::string> argv_strings = {options.executable, "--headless", "--control-socket",
                                           socket_path};
  argv_strings.insert(argv_strings.end(), options.extra_arguments.begin(),
                      options.extra_arguments.end());
  std::vector<std::string> env_strings = mergedEnvironment(options.environment);
  std::vector<char*> argv = pointers(argv_strings);
  std::vector<char*> envp = pointers(env_strings);
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid < 0) {
    if (error) *error = "fork: " + errnoText(errno);
    ::rmdir(directory.c_str());
    return nullptr;
  }
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  std::unique_ptr<LaunchedBrowser> browser(new LaunchedBrowser(pid, directory));

  const auto deadline = std::chrono::steady_clock::now() + options.ready_timeout;
  std::string last_error;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ControlClient::connect(socket_path, &last_error)) return browser;
    if (!browser->running()) {
      if (error) *error = options.executable + " exited before its control socket was ready";
      return nullptr;
    }
    std::this_thread::sleep_for(5ms);
  }
  if (error) *error = "the control socket did not come up: " + last_error;
  return nullptr;
}

LaunchedBrowser::LaunchedBrowser(pid_t pid, std::string directory)
    : pid_(pid), directory_(std::move(directory)), socket_path_(directory_ + "/control.sock") {}

LaunchedBrowser::~LaunchedBrowser() {
  if (running()) {
    ::kill(pid_, SIGKILL);
    waitForExit(std::chrono::milliseconds(-1));
  }
  ::unlink(socket_path_.c_str());  // left behind only if the browser was killed
  ::rmdir(directory_.c_str());
}

bool LaunchedBrowser::running() {
  if (status_) return false;
  int status = 0;
  const pid_t reaped = ::waitpid(pid_, &status, WNOHANG);
  if (reaped == pid_) status_ = status;
  if (reaped < 0 && errno == ECHILD) status_ = -1;  // not ours to wait for any more
  return !status_;
}

std::optional<int> LaunchedBrowser::waitForExit(std::chrono::milliseconds timeout) {
  if (timeout.count() < 0) {
    while (!status_) {
      int status = 0;
      const pid_t reaped = ::waitpid(pid_, &status, 0);
      if (reaped == pid_) status_ = status;
      if (reaped < 0 && errno != EINTR) status_ = -1;
    }
    return status_;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(2ms);
  }
  return status_;
}

}  // namespace sb::ctl
