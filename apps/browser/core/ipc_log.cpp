#include "apps/browser/core/ipc_log.h"

#include <algorithm>

namespace sb::browser {

void IpcLog::append(IpcRecord record) {
  record.index = next_index_++;
  records_.push_back(std::move(record));
  if (records_.size() > capacity_) {
    records_.pop_front();
    ++dropped_;
  }
}

std::vector<IpcRecord> IpcLog::since(uint64_t since_index, size_t limit) const {
  std::vector<IpcRecord> out;
  // Indexes are consecutive, so the first wanted record's position is computed, not searched.
  const uint64_t first_index = records_.empty() ? 0 : records_.front().index;
  size_t start = 0;
  if (!records_.empty() && since_index + 1 > first_index) start = static_cast<size_t>(since_index + 1 - first_index);
  for (size_t i = start; i < records_.size() && out.size() < limit; ++i) out.push_back(records_[i]);
  return out;
}

std::string IpcLog::bodyName(const wire::Envelope& envelope) {
  if (envelope.body_case() == wire::Envelope::BODY_NOT_SET) return "unknown";
  const auto* field = wire::Envelope::descriptor()->FindFieldByNumber(envelope.body_case());
  return field ? field->name() : "unknown";
}

}  // namespace sb::browser
