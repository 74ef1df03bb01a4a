#include "apps/browser/core/hang_watch.h"

#include "apps/browser/core/process_host.h"
#include "common/base/clock.h"

namespace sb::browser {

HangWatch::HangWatch(ProcessHost& host, std::chrono::milliseconds interval, std::chrono::milliseconds timeout,
                     std::function<void()> on_hung)
    : host_(host), timeout_(timeout), on_hung_(std::move(on_hung)) {
  connect(&timer_, &QTimer::timeout, this, &HangWatch::beat);
  timer_.start(interval);
}

void HangWatch::onPong(const wire::Envelope& envelope) {
  if (envelope.reply_to() == ping_seq_) ping_seq_ = 0;
}

void HangWatch::beat() {
  if (fired_ || host_.state() != ProcessHost::State::kRunning) return;
  const uint64_t now = monotonicNowNs();
  if (ping_seq_ != 0) {
    if (now - sent_ns_ > static_cast<uint64_t>(std::chrono::nanoseconds(timeout_).count())) {
      fired_ = true;
      on_hung_();
    }
    return;
  }
  wire::Envelope ping;
  ping.mutable_ping();
  if (host_.send(ping)) {
    ping_seq_ = ping.seq();
    sent_ns_ = now;
  }
}

}  // namespace sb::browser
