#pragma once

#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "sandbrowser.pb.h"

namespace sb::browser {

// One message that crossed the browser, as the inspector and `ipc_log` show it.
struct IpcRecord {
  uint64_t index = 0;      // browser-wide, increasing from 1; `since` in ipc_log refers to it
  uint64_t time_ns = 0;    // CLOCK_MONOTONIC when the browser saw it
  bool incoming = false;   // child -> browser
  pid_t pid = 0;
  wire::ProcessKind process_kind = wire::PROCESS_KIND_UNSPECIFIED;
  uint32_t tab_id = 0;
  std::string kind;        // the body's field name: "display_list", "ping", ...
  size_t bytes = 0;        // on the wire, header included
  uint64_t seq = 0;
  uint64_t reply_to = 0;
  std::string note;        // set for bad messages: the reason
};

// A bounded ring of records: the oldest are dropped, memory stays flat however long it runs.
class IpcLog {
 public:
  explicit IpcLog(size_t capacity = 100'000) : capacity_(capacity) {}

  void append(IpcRecord record);
  // Records with index > since, oldest first, at most limit.
  std::vector<IpcRecord> since(uint64_t since_index, size_t limit) const;
  size_t size() const { return records_.size(); }
  uint64_t lastIndex() const { return next_index_ - 1; }
  uint64_t dropped() const { return dropped_; }

  static std::string bodyName(const wire::Envelope& envelope);

 private:
  size_t capacity_;
  std::deque<IpcRecord> records_;
  uint64_t next_index_ = 1;
  uint64_t dropped_ = 0;
};

}  // namespace sb::browser
