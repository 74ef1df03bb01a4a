#include "apps/browser/core/ipc_log.h"

#include <algorithm>

#include "apps/browser/core/indexed_since.h"
#include "common/base/clock.h"

namespace sb::browser {

namespace {
// How far back a reply looks for its request. Requests are answered within a heartbeat, so the
// request is near; the bound keeps a reply that answers nothing logged from scanning the ring.
constexpr size_t kReplySearchDepth = 20'000;
}  // namespace

void IpcLog::append(IpcRecord record) {
  if (record.reply_to != 0) {
    const size_t depth = std::min(records_.size(), kReplySearchDepth);
    for (size_t back = 1; back <= depth; ++back) {
      const IpcRecord& candidate = records_[records_.size() - back];
      if (candidate.pid == record.pid && candidate.incoming != record.incoming &&
          candidate.seq == record.reply_to) {
        record.latency_ns = record.time_ns >= candidate.time_ns ? record.time_ns - candidate.time_ns : 0;
        break;
      }
    }
  }
  push(std::move(record));
}

void IpcLog::markBad(pid_t pid, wire::ProcessKind kind, const std::string& reason, bool last_incoming_was_it) {
  if (last_incoming_was_it) {
    for (auto it = records_.rbegin(); it != records_.rend(); ++it) {
      if (it->pid == pid && it->incoming) {
        it->note = reason;
        return;
      }
    }
  }
  IpcRecord record;
  record.time_ns = monotonicNowNs();
  record.incoming = true;
  record.pid = pid;
  record.process_kind = kind;
  record.kind = "malformed frame";
  record.note = reason;
  push(std::move(record));
}

void IpcLog::push(IpcRecord record) {
  record.index = next_index_++;
  if (record.payload) payload_bytes_ += record.payload->size();
  records_.push_back(std::move(record));
  if (records_.size() > limits_.capacity) {
    if (records_.front().payload) payload_bytes_ -= records_.front().payload->size();
    records_.pop_front();
    if (oldest_payload_ > 0) --oldest_payload_;
    ++dropped_;
  }
  releaseOldPayloads();
}

void IpcLog::releaseOldPayloads() {
  while (payload_bytes_ > limits_.payload_budget_bytes && oldest_payload_ < records_.size()) {
    IpcRecord& oldest = records_[oldest_payload_++];
    if (oldest.payload) {
      payload_bytes_ -= oldest.payload->size();
      oldest.payload.reset();
    }
  }
}

std::vector<IpcRecord> IpcLog::since(uint64_t since_index, size_t limit) const {
  return itemsSince(records_, since_index, limit);
}

std::vector<IpcRecord> IpcLog::lastForPid(pid_t pid, size_t count) const {
  std::vector<IpcRecord> out;
  for (auto it = records_.rbegin(); it != records_.rend() && out.size() < count; ++it) {
    if (it->pid == pid) out.push_back(*it);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string IpcLog::bodyName(const wire::Envelope& envelope) {
  if (envelope.body_case() == wire::Envelope::BODY_NOT_SET) return "unknown";
  const auto* field = wire::Envelope::descriptor()->FindFieldByNumber(envelope.body_case());
  return field ? field->name() : "unknown";
}

std::shared_ptr<const std::string> IpcLog::serialize(const wire::Envelope& envelope, size_t max_bytes) {
  if (envelope.ByteSizeLong() > max_bytes) return nullptr;
  auto bytes = std::make_shared<std::string>();
  envelope.SerializeToString(bytes.get());
  return bytes;
}

}  // namespace sb::browser
