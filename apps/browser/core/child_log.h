#pragma once

#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "sandbrowser.pb.h"

namespace sb::browser {

// One log line a child forwarded (LogRecord), with who sent it.
struct ChildLogEntry {
  uint64_t index = 0;     // increasing from 1
  uint64_t time_ns = 0;   // CLOCK_MONOTONIC when the browser received it
  pid_t pid = 0;
  wire::ProcessKind process_kind = wire::PROCESS_KIND_UNSPECIFIED;
  uint32_t tab_id = 0;
  wire::LogLevel level = wire::LOG_LEVEL_INFO;
  std::string logger;
  std::string text;
};

// The children's log lines, bounded like the IPC log: the oldest go first.
class ChildLog {
 public:
  explicit ChildLog(size_t capacity = 20'000) : capacity_(capacity) {}

  void append(ChildLogEntry entry);
  // Entries with index > since, oldest first, at most limit.
  std::vector<ChildLogEntry> since(uint64_t since_index, size_t limit) const;
  size_t size() const { return entries_.size(); }
  uint64_t lastIndex() const { return next_index_ - 1; }

 private:
  size_t capacity_;
  std::deque<ChildLogEntry> entries_;
  uint64_t next_index_ = 1;
};

const char* logLevelName(wire::LogLevel level);

}  // namespace sb::browser
