#include "apps/browser/core/child_log.h"

#include "apps/browser/core/indexed_since.h"

namespace sb::browser {

void ChildLog::append(ChildLogEntry entry) {
  entry.index = next_index_++;
  entries_.push_back(std::move(entry));
  if (entries_.size() > capacity_) entries_.pop_front();
}

std::vector<ChildLogEntry> ChildLog::since(uint64_t since_index, size_t limit) const {
  return itemsSince(entries_, since_index, limit);
}

const char* logLevelName(wire::LogLevel level) {
  switch (level) {
    case wire::LOG_LEVEL_TRACE: return "trace";
    case wire::LOG_LEVEL_DEBUG: return "debug";
    case wire::LOG_LEVEL_INFO: return "info";
    case wire::LOG_LEVEL_WARN: return "warn";
    case wire::LOG_LEVEL_ERROR: return "error";
    case wire::LOG_LEVEL_CRITICAL: return "critical";
    default: return "?";
  }
}

}  // namespace sb::browser
