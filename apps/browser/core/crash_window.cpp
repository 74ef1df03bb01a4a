#include "apps/browser/core/crash_window.h"

namespace sb::browser {

bool CrashWindow::recordCrash(uint64_t now_ns) {
  forget(now_ns);
  recent_.push_back(now_ns);
  ++total_;
  return static_cast<int>(recent_.size()) >= limit_;
}

int CrashWindow::recentCrashes(uint64_t now_ns) {
  forget(now_ns);
  return static_cast<int>(recent_.size());
}

void CrashWindow::forget(uint64_t now_ns) {
  const auto window_ns = static_cast<uint64_t>(std::chrono::nanoseconds(window_).count());
  while (!recent_.empty() && now_ns - recent_.front() > window_ns) recent_.pop_front();
}

}  // namespace sb::browser
