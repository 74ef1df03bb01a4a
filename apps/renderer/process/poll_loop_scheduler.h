#pragma once

#include "apps/renderer/scheduler.h"
#include "common/ipc/poll_loop.h"

namespace sb::renderer {

// The renderer process's timers: those of the PollLoop that also drives its channel.
class PollLoopScheduler final : public Scheduler {
 public:
  explicit PollLoopScheduler(ipc::PollLoop& loop) : loop_(loop) {}

  TimerId startTimer(std::chrono::milliseconds interval, TimerMode mode,
                     std::function<void()> callback) override {
    return loop_.startTimer(interval, mode == TimerMode::kRepeating, std::move(callback));
  }
  void stopTimer(TimerId id) override { loop_.stopTimer(id); }

 private:
  ipc::PollLoop& loop_;
};

}  // namespace sb::renderer
