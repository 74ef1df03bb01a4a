#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "apps/renderer/bad_ipc/bad_ipc_sender.h"
#include "apps/renderer/fault_actions.h"
#include "apps/renderer/renderer_core.h"
#include "apps/renderer/sandbox_probes/system_probes.h"
#include "apps/renderer/scheduler.h"
#include "apps/renderer/wall_clock.h"
#include "sandbrowser.pb.h"

namespace sb::renderer::testing {

// Timers that fire only when the test advances time.
class FakeScheduler final : public Scheduler {
 public:
  TimerId startTimer(std::chrono::milliseconds interval, TimerMode mode,
                     std::function<void()> callback) override;
  void stopTimer(TimerId id) override;

  // Fires every timer that falls due within `by`, in time order.
  void advance(std::chrono::milliseconds by);
  size_t activeTimers() const { return timers_.size(); }

 private:
  struct Timer {
    std::chrono::milliseconds due;
    std::chrono::milliseconds interval;
    TimerMode mode;
    std::function<void()> callback;
  };
  std::chrono::milliseconds now_{0};
  TimerId next_id_ = 1;
  std::map<TimerId, Timer> timers_;
};

// Records faults instead of committing them. Held memory is counted, not allocated.
class FakeFaults final : public FaultActions {
 public:
  explicit FakeFaults(std::vector<std::string>& timeline) : timeline_(timeline) {}

  void segv() override { timeline_.push_back("segv"); }
  void abort() override { timeline_.push_back("abort"); }
  void hang() override { timeline_.push_back("hang"); }
  void exit(int code) override { timeline_.push_back("exit:" + std::to_string(code)); }
  std::unique_ptr<HeldMemory> holdMemory(size_t bytes) override;

  size_t heldBytes() const { return held_bytes_; }
  bool fail_allocations = false;

 private:
  std::vector<std::string>& timeline_;
  size_t held_bytes_ = 0;
};

class FakeClock final : public WallClock {
 public:
  WallTime now() const override { return time; }
  WallTime time{13, 37, 42, 500};
};

// Escape attempts that only report what the test told them to. A probe without an outcome is
// denied with EPERM, as under the sandbox.
class FakeProbes final : public SystemProbes {
 public:
  bool sandboxed() const override { return sandboxed_flag; }
  std::vector<std::string> layersNotEngaged() const override { return not_engaged; }
  ProbeOutcome run(ProbeId probe) override;

  bool sandboxed_flag = true;
  std::vector<std::string> not_engaged;
  std::map<ProbeId, ProbeOutcome> outcomes;
  std::vector<ProbeId> runs;  // every call, in order
};

// Records what demo://badipc would have put on the wire ("bad:envelope", "bad:raw" in the
// timeline).
class FakeBadIpcSender final : public BadIpcSender {
 public:
  explicit FakeBadIpcSender(std::vector<std::string>& timeline) : timeline_(timeline) {}
  void sendEnvelope(wire::Envelope& envelope) override {
    timeline_.push_back("bad:envelope");
    envelopes.push_back(envelope);
  }
  void sendRawBytes(std::string_view bytes) override {
    timeline_.push_back("bad:raw");
    raw.emplace_back(bytes);
  }

  std::vector<wire::Envelope> envelopes;
  std::vector<std::string> raw;

 private:
  std::vector<std::string>& timeline_;
};

// A RendererCore wired to the fakes, with shorthands for the browser's messages.
struct CoreHarness {
  static constexpr int kPid = 4242;

  std::vector<std::string> timeline;  // "send:<kind>", fault calls and bad IPC, in order
  std::vector<wire::Envelope> sent;
  FakeScheduler scheduler;
  FakeFaults faults{timeline};
  FakeClock clock;
  FakeProbes probes;
  FakeBadIpcSender bad_ipc{timeline};
  RendererCore core{[this](wire::Envelope& envelope) { record(envelope); },
                    scheduler,
                    faults,
                    clock,
                    kPid,
                    probes,
                    bad_ipc};

  HandleResult navigate(uint32_t tab, std::string_view url, uint64_t navigation_id = 1,
                        int width = 1024, int height = 768);
  void resize(uint32_t tab, int width, int height);
  void click(uint32_t tab, int x, int y);
  void scroll(uint32_t tab, int delta_y);
  void type(uint32_t tab, std::string_view text);
  void press(uint32_t tab, wire::KeyInput::Special special);
  void debugFault(uint32_t tab, wire::DebugFault::Kind kind, int exit_code = 0);

  // The last DisplayList sent for `tab`; fails the test when there is none.
  const wire::DisplayList& lastList(uint32_t tab) const;
  size_t listCount(uint32_t tab) const;

 private:
  void record(const wire::Envelope& envelope);
  void sendInput(uint32_t tab, const wire::InputEvent& event);
};

// Everything the browser checks against common/ipc/wire_limits.h.
::testing::AssertionResult respectsWireLimits(const wire::DisplayList& list);

// All DrawText strings of a list, joined by newlines.
std::string allText(const wire::DisplayList& list);

// The first LinkArea with this href; nullptr when there is none.
const wire::LinkArea* findLink(const wire::DisplayList& list, std::string_view href);

std::vector<std::string> hrefs(const wire::DisplayList& list);

}  // namespace sb::renderer::testing
