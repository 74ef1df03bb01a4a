#include "apps/browser/core/rate_limiter.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

constexpr uint64_t kMs = 1'000'000;
constexpr uint64_t kSecond = 1000 * kMs;
constexpr size_t kSmall = 200;  // bytes of a typical small message

struct Counts {
  int accepted = 0;
  int dropped = 0;
  int flooded = 0;
};

// Sends `count` messages of `bytes` evenly spread over [start, start + span).
Counts send(RateLimiter& limiter, uint64_t start, uint64_t span, int count, size_t bytes = kSmall) {
  Counts counts;
  for (int i = 0; i < count; ++i) {
    const uint64_t at = start + span * static_cast<uint64_t>(i) / static_cast<uint64_t>(count);
    switch (limiter.admit(at, bytes)) {
      case RateDecision::kAccept:
        ++counts.accepted;
        break;
      case RateDecision::kDrop:
        ++counts.dropped;
        break;
      case RateDecision::kFlood:
        ++counts.flooded;
        break;
    }
  }
  return counts;
}

TEST(RateLimiter, TwentyClockTabsInOneRendererNeverTripIt) {
  // 20 tabs x 10 lists/s of ~4 KiB, plus a Pong and a few log records each second, for a minute.
  RateLimiter limiter;
  for (int second = 0; second < 60; ++second) {
    const Counts counts = send(limiter, second * kSecond, kSecond, 205, 4096);
    ASSERT_EQ(counts.accepted, 205) << "second " << second;
  }
  EXPECT_EQ(limiter.droppedTotal(), 0u);
}

TEST(RateLimiter, FastScrollingOfAnImagePageNeverTripsIt) {
  // A touchpad at 120 wheel events/s on the news page: a 256 KiB list per event.
  RateLimiter limiter;
  for (int second = 0; second < 30; ++second) {
    const Counts counts = send(limiter, second * kSecond, kSecond, 120, 256 * 1024);
    ASSERT_EQ(counts.accepted, 120) << "second " << second;
  }
}

TEST(RateLimiter, AStartUpBurstWithinTheBucketIsAccepted) {
  RateLimiter limiter;
  const Counts counts = send(limiter, 0, 10 * kMs, 2000);
  EXPECT_EQ(counts.accepted, 2000);
}

TEST(RateLimiter, ABurstPastTheBucketIsThrottledNotPunished) {
  RateLimiter limiter;
  const Counts counts = send(limiter, 0, 0, 2400);  // all at once: no refill in between
  EXPECT_EQ(counts.accepted, 2000);
  EXPECT_EQ(counts.dropped, 400);
  EXPECT_EQ(counts.flooded, 0);
  EXPECT_EQ(limiter.droppedTotal(), 400u);
  // A quiet second later the bucket has refilled by the sustained rate.
  const Counts later = send(limiter, 2 * kSecond, 10 * kMs, 500);
  EXPECT_EQ(later.accepted, 500);
}

TEST(RateLimiter, FiveTimesTheRateWithinASecondIsAFlood) {
  RateLimiter limiter;
  RateDecision last = RateDecision::kAccept;
  int sent = 0;
  while (last != RateDecision::kFlood && sent < 100'000) {
    last = limiter.admit(static_cast<uint64_t>(sent) * 10'000, kSmall);  // 100 000 messages/s
    ++sent;
  }
  EXPECT_EQ(last, RateDecision::kFlood);
  EXPECT_EQ(sent, 2501);
  EXPECT_EQ(limiter.floodReason(), "message flood: 2501 messages/s, limit 500/s");
}

TEST(RateLimiter, ASecondFloodedSecondInARowIsAFlood) {
  RateLimiter limiter;
  // 2000/s: under the 5x rule, four times the sustained rate. The bucket lasts the first
  // second; in the second messages are dropped; the third drops again and that is the verdict.
  const Counts first = send(limiter, 0, kSecond, 2000);
  EXPECT_EQ(first.accepted, 2000);
  const Counts second = send(limiter, kSecond, kSecond, 2000);
  EXPECT_GT(second.dropped, 0);
  EXPECT_EQ(second.flooded, 0);
  const Counts third = send(limiter, 2 * kSecond, kSecond, 2000);
  EXPECT_GT(third.flooded, 0);
  EXPECT_EQ(
      limiter.floodReason(),
      "message flood: 2000 messages/s, over the budget (500/s, 64 MiB/s) for 2 seconds in a row");
}

TEST(RateLimiter, AQuietSecondBetweenBurstsStartsTheCountAgain) {
  RateLimiter limiter;
  EXPECT_GT(send(limiter, 0, 100 * kMs, 2400).dropped, 0);
  // Two seconds later (one quiet second in between): throttled again, but not a verdict.
  const Counts again = send(limiter, 2 * kSecond + 500 * kMs, 100 * kMs, 2000);
  EXPECT_GT(again.dropped, 0);
  EXPECT_EQ(again.flooded, 0);
}

TEST(RateLimiter, TooManyBytesAreThrottledThenAFlood) {
  RateLimiter limiter;
  // 16 MiB frames, back to back: the 128 MiB bucket holds 8 of them.
  const size_t frame = size_t{16} << 20;
  const Counts first = send(limiter, 0, 100 * kMs, 10, frame);
  EXPECT_EQ(first.accepted, 8);
  EXPECT_EQ(first.dropped, 2);
  const Counts more = send(limiter, 100 * kMs, 100 * kMs, 20, frame);
  EXPECT_GT(more.flooded, 0);
  EXPECT_EQ(limiter.floodReason(), "message flood: 336 MiB/s, limit 64 MiB/s");
}

TEST(RateLimiter, AFloodVerdictIsFinal) {
  RateLimiter limiter;
  EXPECT_EQ(send(limiter, 0, 0, 3000).flooded, 500);
  const std::string reason = limiter.floodReason();
  EXPECT_EQ(limiter.admit(10 * kSecond, kSmall), RateDecision::kFlood);
  EXPECT_EQ(limiter.floodReason(), reason);
}

TEST(RateLimiter, AClockThatDoesNotMoveAddsNoTokens) {
  RateLimiter limiter(
      RateLimits{.messages_per_second = 10, .message_burst = 5, .flood_factor = 100});
  EXPECT_EQ(send(limiter, kSecond, 0, 5).accepted, 5);
  EXPECT_EQ(limiter.admit(kSecond, kSmall), RateDecision::kDrop);
  EXPECT_EQ(limiter.admit(kSecond - kMs, kSmall), RateDecision::kDrop);  // going back adds none
}

}  // namespace
}  // namespace sb::browser
