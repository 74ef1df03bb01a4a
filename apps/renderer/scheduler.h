#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <utility>

namespace sb::renderer {

enum class TimerMode { kOnce, kRepeating };

// Timers as the renderer's pages see them. The process drives them from its PollLoop; tests use
// a fake they advance by hand, so no test sleeps.
class Scheduler {
 public:
  using TimerId = uint64_t;

  virtual ~Scheduler() = default;
  virtual TimerId startTimer(std::chrono::milliseconds interval, TimerMode mode,
                             std::function<void()> callback) = 0;
  // Stopping an unknown or already finished timer does nothing.
  virtual void stopTimer(TimerId id) = 0;
};

// Owns one timer and stops it when destroyed, so a page that goes away can never be called back.
class ScopedTimer {
 public:
  ScopedTimer() = default;
  ScopedTimer(Scheduler& scheduler, std::chrono::milliseconds interval, TimerMode mode,
              std::function<void()> callback)
      : scheduler_(&scheduler), id_(scheduler.startTimer(interval, mode, std::move(callback))) {}
  ~ScopedTimer() { stop(); }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;
  ScopedTimer(ScopedTimer&& other) noexcept
      : scheduler_(std::exchange(other.scheduler_, nullptr)), id_(other.id_) {}
  ScopedTimer& operator=(ScopedTimer&& other) noexcept {
    if (this != &other) {
      stop();
      scheduler_ = std::exchange(other.scheduler_, nullptr);
      id_ = other.id_;
    }
    return *this;
  }

  void stop() {
    if (scheduler_) std::exchange(scheduler_, nullptr)->stopTimer(id_);
  }

 private:
  Scheduler* scheduler_ = nullptr;
  Scheduler::TimerId id_ = 0;
};

}  // namespace sb::renderer
