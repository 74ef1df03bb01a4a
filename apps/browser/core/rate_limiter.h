#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sb::browser {

// One renderer's budget for messages it sends the browser. The busiest normal renderer (a page
// scrolled with a fast touchpad, ~120 lists/s, or 20 clock tabs in one process, 200 lists/s)
// stays well inside it; only a renderer that means harm floods past it.
struct RateLimits {
  double messages_per_second = 500;
  double message_burst = 2000;
  double bytes_per_second = 64.0 * (1 << 20);
  double byte_burst = 128.0 * (1 << 20);
  // More than this many times the sustained rate within one second is a flood outright...
  double flood_factor = 5;
  // ...and so is this many seconds in a row in each of which messages had to be dropped.
  int flooded_seconds_in_a_row = 2;
};

enum class RateDecision {
  kAccept,
  kDrop,   // over budget: throttled, the message is ignored
  kFlood,  // over budget for too long or by too much: a misbehaving renderer
};

// Token buckets (one for messages, one for bytes) over one renderer's incoming messages, and the
// rule that turns throttling into a verdict. Time is passed in, so tests need no clock.
class RateLimiter {
 public:
  explicit RateLimiter(RateLimits limits = {});

  // Once it has said kFlood it says so for every later message.
  RateDecision admit(uint64_t now_ns, size_t bytes);

  uint64_t droppedTotal() const { return dropped_total_; }
  // Why it said kFlood, starting "message flood: "; empty before that.
  const std::string& floodReason() const { return flood_reason_; }
  const RateLimits& limits() const { return limits_; }

 private:
  void advanceWindow(uint64_t now_ns);
  void refill(uint64_t now_ns);
  RateDecision flood(std::string reason);

  RateLimits limits_;
  double message_tokens_;
  double byte_tokens_;
  uint64_t refilled_at_ns_ = 0;
  bool started_ = false;

  // The current one-second window, which starts at the first message after the last one ended.
  uint64_t window_start_ns_ = 0;
  uint64_t window_messages_ = 0;
  uint64_t window_bytes_ = 0;
  uint64_t window_dropped_ = 0;
  uint64_t previous_window_messages_ = 0;  // of the window just before, if it was adjacent
  int flooded_windows_in_a_row_ = 0;       // windows with drops directly before this one

  uint64_t dropped_total_ = 0;
  std::string flood_reason_;
};

}  // namespace sb::browser
