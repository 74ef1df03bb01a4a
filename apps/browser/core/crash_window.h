#pragma once

#include <chrono>
#include <cstdint>
#include <deque>

namespace sb::browser {

// Counts a process's crashes within a sliding window: `limit` crashes inside `window` means give
// up on it; crashes older than the window are forgiven.
class CrashWindow {
 public:
  CrashWindow(int limit, std::chrono::milliseconds window) : limit_(limit), window_(window) {}

  // Records a crash at `now_ns`; true when this one reaches the limit.
  bool recordCrash(uint64_t now_ns);
  int recentCrashes(uint64_t now_ns);
  int totalCrashes() const { return total_; }
  void forgiveAll() { recent_.clear(); }
  int limit() const { return limit_; }
  std::chrono::milliseconds window() const { return window_; }

 private:
  void forget(uint64_t now_ns);

  int limit_;
  std::chrono::milliseconds window_;
  std::deque<uint64_t> recent_;
  int total_ = 0;
};

}  // namespace sb::browser
