#pragma once

#include <sys/types.h>

#include <QString>
#include <QStringList>
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "apps/browser/core/ipc_log.h"
#include "apps/browser/core/tab.h"
#include "apps/browser/headless/chaos_census.h"
#include "common/base/sanitizers.h"

namespace sb::browser {

// One tab as the invariants need it; taken from the Browser, or made up by a test.
struct ChaosTabView {
  int id = 0;
  TabState state = TabState::kLoading;
  QString crash_reason;
  bool has_renderer = false;    // Tab::renderer is set
  bool renderer_known = false;  // ... and is one of Browser::renderers()
};

// What the soak sees after a step: the browser's beliefs next to what /proc says.
struct ChaosSnapshot {
  uint64_t now_ns = 0;  // CLOCK_MONOTONIC; the graces are measured on it
  std::vector<ChaosTabView> tabs;
  std::set<pid_t> known_pids;  // every child some host of the browser holds: renderers, GPU, plugins, zygote
  std::vector<CensusEntry> processes;  // below the browser
  std::chrono::milliseconds loop_lag{0};  // how late the step's timer fired
  uint64_t oldest_call_ns = 0;  // when the longest-waiting page/plugin call started; 0: none
};

// How long a state that is normal while it passes may last before it is a fault. A stopped
// child is resumed within kMaxStop, and while the zygote is stopped its dead renderers stay
// unreaped: the process graces are longer than that.
struct ChaosGraces {
  std::chrono::milliseconds unaccounted{10'000};  // a child no host holds: one just exiting
  std::chrono::milliseconds zombie{10'000};
  std::chrono::milliseconds loading{30'000};  // a renderer that hangs is "unresponsive" well before
  std::chrono::milliseconds loop_lag{3'000};  // the browser's own event loop
  // A call between a page and its plugin: a deadlock is broken after a second, a stopped callee
  // resumes or is found hung within seconds, a dead one fails the call at once.
  std::chrono::milliseconds call{15'000};
};

// The soak's invariants, checked after every step. Stateful: a process or a tab is only at fault
// once its state has lasted past its grace, and the IPC log is read on from where the last check
// stopped. Each violation is one sentence; none means the browser is sound.
class ChaosInvariants {
 public:
  explicit ChaosInvariants(ChaosGraces graces = {}) : graces_(graces) {}

  // Tabs in a valid state, no child unaccounted for or left a zombie, the event loop responsive,
  // no call between a page and its plugin left waiting for good.
  QStringList checkSnapshot(const ChaosSnapshot& snapshot);
  // The records appended since the last call, oldest first: indices one apart (a gap only when
  // the ring has dropped its oldest), times non-decreasing (the browser records on one thread,
  // on CLOCK_MONOTONIC). `last_index` is IpcLog::lastIndex() when they were read.
  QStringList checkIpcRecords(const std::vector<IpcRecord>& records, uint64_t last_index,
                              uint64_t dropped);
  // A control request the browser must refuse (signalling itself or a stranger) and whether it did.
  QStringList checkRefused(const QString& request, bool refused);

  uint64_t checks() const { return checks_; }  // single invariants evaluated so far
  uint64_t ipcIndexChecked() const { return ipc_index_; }

 private:
  // How long `key` has been in a state that needs a grace, starting now if it was not before.
  static uint64_t lastingNs(std::map<int, uint64_t>& since, int key, uint64_t now_ns);

  ChaosGraces graces_;
  uint64_t checks_ = 0;
  std::map<int, uint64_t> unaccounted_since_;  // pid -> first seen
  std::map<int, uint64_t> zombie_since_;
  std::map<int, uint64_t> loading_since_;  // tab id -> first seen loading
  uint64_t ipc_index_ = 0;
  uint64_t ipc_time_ns_ = 0;
};

// The browser's own footprint at the end against the one with the first 10 tabs loaded.
struct ChaosFootprint {
  int fds = 0;
  long rss_kb = 0;
  size_t ipc_records = 0;        // IpcLog::size()
  size_t ipc_payload_bytes = 0;  // IpcLog::payloadBytes()
};
inline constexpr int kFdSlack = 16;
inline constexpr long kRssSlackKb = 64 * 1024;
// What an IPC log record costs beyond its body: the record, its deque slot, the body's string and
// shared_ptr blocks. Rounded up.
inline constexpr long kIpcRecordBytes = 256;
// AddressSanitizer keeps freed memory in quarantine (256 MiB by default) before reusing it, and
// its shadow memory grows with the heap: in that build the bound allows for both.
inline constexpr long kAddressSanitizerRssKb = kAddressSanitizerBuild ? 384 * 1024 : 0;
// fds at most start + kFdSlack; RSS at most the larger of twice the start and start + 64 MiB,
// plus what the IPC log has grown by, which it keeps by design (up to its capacity and budget),
// plus kAddressSanitizerRssKb.
QStringList footprintViolations(const ChaosFootprint& start, const ChaosFootprint& end);
long allowedRssKb(const ChaosFootprint& start, const ChaosFootprint& end);

}  // namespace sb::browser
