#pragma once

#include <poll.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace sb::ipc {

// A small single-threaded event loop over poll(2) with timers, for processes that do not want Qt
// (the renderer). Callbacks may add or remove fds and timers, and may call quit().
class PollLoop {
 public:
  using FdCallback = std::function<void(short revents)>;
  using TimerId = uint64_t;

  void watchFd(int fd, short events, FdCallback callback);
  void setEvents(int fd, short events);
  void unwatchFd(int fd);

  TimerId startTimer(std::chrono::milliseconds interval, bool repeat, std::function<void()> callback);
  void stopTimer(TimerId id);

  // Runs until quit(); returns the value passed to it.
  int run();
  void quit(int code = 0);
  // One poll round, waiting at most timeout_ms (-1: until something happens).
  void runOnce(int timeout_ms);
  bool quitRequested() const { return quit_requested_; }

 private:
  struct Watch {
    short events;
    FdCallback callback;
  };
  struct Timer {
    std::chrono::steady_clock::time_point due;
    std::chrono::milliseconds interval;
    bool repeat;
    std::function<void()> callback;
  };

  int nextTimeoutMs(int cap_ms) const;
  void fireDueTimers();

  std::map<int, Watch> watches_;
  std::map<TimerId, Timer> timers_;
  TimerId next_timer_id_ = 1;
  bool quit_requested_ = false;
  int exit_code_ = 0;
};

}  // namespace sb::ipc
