#pragma once

#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <memory>
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
  uint64_t latency_ns = 0; // for a reply: time since the request it answers was seen; 0 otherwise
  std::string note;        // set for bad messages: the reason
  // The serialized Envelope (the frame minus its 4-byte header), shared between the browser's
  // log and the inspector's copy. Null when the message was larger than the log keeps, or its
  // bytes were released to stay within the log's byte budget; the metadata above stays.
  std::shared_ptr<const std::string> payload;

  bool bad() const { return !note.empty(); }
};

// A bounded ring of records: the oldest are dropped, memory stays flat however long it runs.
// Bodies are kept up to a per-message size and within a total byte budget: past the budget the
// oldest bodies are released first.
class IpcLog {
 public:
  struct Limits {
    size_t capacity = 100'000;               // records
    size_t max_payload_bytes = 256 * 1024;   // a larger body is not kept
    size_t payload_budget_bytes = 64 << 20;  // all kept bodies together
  };

  explicit IpcLog(size_t capacity = 100'000) : IpcLog(Limits{capacity}) {}
  explicit IpcLog(Limits limits) : limits_(limits) {}

  // Assigns the index, fills latency_ns for a reply whose request was logged.
  void append(IpcRecord record);
  // Marks a message from `pid` as bad. When the message was logged (the browser rejected a
  // decoded envelope) its record gets the reason; otherwise (a frame that never decoded) a
  // record of kind "malformed frame" is added.
  void markBad(pid_t pid, wire::ProcessKind kind, const std::string& reason, bool last_incoming_was_it);

  // Records with index > since, oldest first, at most limit.
  std::vector<IpcRecord> since(uint64_t since_index, size_t limit) const;
  // The last `count` records sent to or received from `pid`, oldest first.
  std::vector<IpcRecord> lastForPid(pid_t pid, size_t count) const;
  size_t size() const { return records_.size(); }
  size_t capacity() const { return limits_.capacity; }
  const Limits& limits() const { return limits_; }
  uint64_t lastIndex() const { return next_index_ - 1; }
  uint64_t dropped() const { return dropped_; }
  size_t payloadBytes() const { return payload_bytes_; }

  static std::string bodyName(const wire::Envelope& envelope);
  // The payload for a record, or null when the envelope is larger than `max_bytes`.
  static std::shared_ptr<const std::string> serialize(const wire::Envelope& envelope, size_t max_bytes);

 private:
  void push(IpcRecord record);
  void releaseOldPayloads();

  Limits limits_;
  std::deque<IpcRecord> records_;
  uint64_t next_index_ = 1;
  uint64_t dropped_ = 0;
  size_t payload_bytes_ = 0;
  size_t oldest_payload_ = 0;  // position in records_ before which no record holds a payload
};

}  // namespace sb::browser
