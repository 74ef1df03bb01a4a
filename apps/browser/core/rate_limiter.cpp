#include "apps/browser/core/rate_limiter.h"

#include <algorithm>

namespace sb::browser {
namespace {

constexpr uint64_t kSecondNs = 1'000'000'000;
constexpr double kMiB = 1 << 20;

std::string perSecond(double value) { return std::to_string(static_cast<uint64_t>(value)); }

}  // namespace

RateLimiter::RateLimiter(RateLimits limits)
    : limits_(limits), message_tokens_(limits.message_burst), byte_tokens_(limits.byte_burst) {}

RateDecision RateLimiter::admit(uint64_t now_ns, size_t bytes) {
  if (!flood_reason_.empty()) return RateDecision::kFlood;  // a verdict is final
  advanceWindow(now_ns);
  refill(now_ns);
  ++window_messages_;
  window_bytes_ += bytes;

  if (window_messages_ > limits_.flood_factor * limits_.messages_per_second) {
    return flood("message flood: " + std::to_string(window_messages_) + " messages/s, limit " +
                 perSecond(limits_.messages_per_second) + "/s");
  }
  if (window_bytes_ > limits_.flood_factor * limits_.bytes_per_second) {
    return flood("message flood: " + perSecond(window_bytes_ / kMiB) + " MiB/s, limit " +
                 perSecond(limits_.bytes_per_second / kMiB) + " MiB/s");
  }
  const auto size = static_cast<double>(bytes);
  if (message_tokens_ >= 1 && byte_tokens_ >= size) {
    message_tokens_ -= 1;
    byte_tokens_ -= size;
    return RateDecision::kAccept;
  }
  ++dropped_total_;
  ++window_dropped_;
  if (flooded_windows_in_a_row_ + 1 >= limits_.flooded_seconds_in_a_row) {
    const uint64_t rate = std::max(window_messages_, previous_window_messages_);
    return flood("message flood: " + std::to_string(rate) + " messages/s, over the budget (" +
                 perSecond(limits_.messages_per_second) + "/s, " +
                 perSecond(limits_.bytes_per_second / kMiB) + " MiB/s) for " +
                 std::to_string(limits_.flooded_seconds_in_a_row) + " seconds in a row");
  }
  return RateDecision::kDrop;
}

void RateLimiter::advanceWindow(uint64_t now_ns) {
  if (!started_) {
    started_ = true;
    window_start_ns_ = now_ns;
    refilled_at_ns_ = now_ns;
    return;
  }
  if (now_ns < window_start_ns_ + kSecondNs) return;
  // The window that just ended counts towards "in a row" only if it was the last second, not
  // one followed by a quiet spell.
  const bool adjacent = now_ns < window_start_ns_ + 2 * kSecondNs;
  flooded_windows_in_a_row_ = adjacent && window_dropped_ > 0 ? flooded_windows_in_a_row_ + 1 : 0;
  previous_window_messages_ = adjacent ? window_messages_ : 0;
  window_start_ns_ = now_ns;
  window_messages_ = 0;
  window_bytes_ = 0;
  window_dropped_ = 0;
}

void RateLimiter::refill(uint64_t now_ns) {
  if (now_ns <= refilled_at_ns_) return;  // a clock that does not move (or goes back) adds nothing
  const double seconds = static_cast<double>(now_ns - refilled_at_ns_) / kSecondNs;
  refilled_at_ns_ = now_ns;
  message_tokens_ =
      std::min(limits_.message_burst, message_tokens_ + seconds * limits_.messages_per_second);
  byte_tokens_ = std::min(limits_.byte_burst, byte_tokens_ + seconds * limits_.bytes_per_second);
}

RateDecision RateLimiter::flood(std::string reason) {
  flood_reason_ = std::move(reason);
  return RateDecision::kFlood;
}

}  // namespace sb::browser
