#include "common/ipc/poll_loop.h"

#include <algorithm>
#include <cerrno>

namespace sb::ipc {

void PollLoop::watchFd(int fd, short events, FdCallback callback) {
  watches_[fd] = Watch{events, std::move(callback)};
}

void PollLoop::setEvents(int fd, short events) {
  if (auto it = watches_.find(fd); it != watches_.end()) it->second.events = events;
}

void PollLoop::unwatchFd(int fd) { watches_.erase(fd); }

PollLoop::TimerId PollLoop::startTimer(std::chrono::milliseconds interval, bool repeat,
                                       std::function<void()> callback) {
  const TimerId id = next_timer_id_++;
  timers_[id] = Timer{std::chrono::steady_clock::now() + interval, interval, repeat, std::move(callback)};
  return id;
}

void PollLoop::stopTimer(TimerId id) { timers_.erase(id); }

int PollLoop::run() {
  while (!quit_requested_) runOnce(-1);
  return exit_code_;
}

void PollLoop::quit(int code) {
  quit_requested_ = true;
  exit_code_ = code;
}

int PollLoop::nextTimeoutMs(int cap_ms) const {
  int timeout = cap_ms;
  const auto now = std::chrono::steady_clock::now();
  for (const auto& [id, timer] : timers_) {
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(timer.due - now).count();
    const int ms = static_cast<int>(std::max<int64_t>(0, wait));
    if (timeout < 0 || ms < timeout) timeout = ms;
  }
  return timeout;
}

void PollLoop::runOnce(int timeout_ms) {
  std::vector<pollfd> fds;
  fds.reserve(watches_.size());
  for (const auto& [fd, watch] : watches_) fds.push_back(pollfd{fd, watch.events, 0});
  const int ready = ::poll(fds.data(), fds.size(), nextTimeoutMs(timeout_ms));
  if (ready > 0) {
    for (const pollfd& p : fds) {
      if (p.revents == 0) continue;
      auto it = watches_.find(p.fd);
      if (it == watches_.end()) continue;  // removed by an earlier callback this round
      FdCallback callback = it->second.callback;  // copy: the callback may unwatch itself
      callback(p.revents);
      if (quit_requested_) return;
    }
  }
  fireDueTimers();
}

void PollLoop::fireDueTimers() {
  const auto now = std::chrono::steady_clock::now();
  std::vector<TimerId> due;
  for (const auto& [id, timer] : timers_) {
    if (timer.due <= now) due.push_back(id);
  }
  for (TimerId id : due) {
    auto it = timers_.find(id);
    if (it == timers_.end()) continue;
    auto callback = it->second.callback;
    if (it->second.repeat) {
      it->second.due = now + it->second.interval;
    } else {
      timers_.erase(it);
    }
    callback();
    if (quit_requested_) return;
  }
}

}  // namespace sb::ipc
