// Two threads of one process: the "peer" is a thread, and a message is a heap buffer handed over
// through a mutex/condition-variable queue. No kernel copy, but the bytes are still copied in and
// out (as every other kind's are) and a waiting thread sleeps in the kernel (futex under the mutex).
#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "apps/tools/ipcbench/kinds.h"

namespace sb::ipcbench {
namespace {

// Bounded like a pipe's buffer, so a fast sender waits instead of queueing without limit.
constexpr size_t kMaxQueuedBytes = 4u << 20;

class Queue {
 public:
  bool push(const uint8_t* data, size_t size) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || queued_bytes_ == 0 || queued_bytes_ + size <= kMaxQueuedBytes; });
    if (closed_) return failed();
    // Reuse a consumed buffer: a fresh 1 MiB allocation per message would measure malloc.
    std::vector<uint8_t> buffer;
    if (!spare_.empty()) {
      buffer = std::move(spare_.back());
      spare_.pop_back();
    }
    buffer.assign(data, data + size);
    queued_bytes_ += size;
    messages_.push_back(std::move(buffer));
    changed_.notify_all();
    return true;
  }

  bool pop(uint8_t* data, size_t size) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !messages_.empty(); });
    if (messages_.empty()) return failed();
    std::vector<uint8_t> buffer = std::move(messages_.front());
    messages_.pop_front();
    queued_bytes_ -= buffer.size();
    changed_.notify_all();
    lock.unlock();
    if (buffer.size() != size) {
      errno = EMSGSIZE;
      return false;
    }
    std::memcpy(data, buffer.data(), size);
    lock.lock();
    if (spare_.size() < 4) spare_.push_back(std::move(buffer));
    return true;
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

 private:
  static bool failed() {
    errno = EPIPE;
    return false;
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<uint8_t>> messages_;
  std::vector<std::vector<uint8_t>> spare_;
  size_t queued_bytes_ = 0;
  bool closed_ = false;
};

struct Queues {
  Queue down;  // parent -> child
  Queue up;    // child -> parent
};

class QueueEndpoint : public Endpoint {
 public:
  QueueEndpoint(std::shared_ptr<Queues> queues, Queue& out, Queue& in)
      : queues_(std::move(queues)), out_(out), in_(in) {}

  bool send(const uint8_t* data, size_t size) override { return out_.push(data, size); }
  bool receive(uint8_t* data, size_t size) override { return in_.pop(data, size); }
  void abort() override {
    queues_->down.close();
    queues_->up.close();
  }

 private:
  std::shared_ptr<Queues> queues_;
  Queue& out_;
  Queue& in_;
};

}  // namespace

EndpointPair openThreadQueue() {
  auto queues = std::make_shared<Queues>();
  EndpointPair pair;
  pair.parent = std::make_unique<QueueEndpoint>(queues, queues->down, queues->up);
  pair.child = std::make_unique<QueueEndpoint>(queues, queues->up, queues->down);
  pair.peer = PeerKind::kThread;
  return pair;
}

}  // namespace sb::ipcbench
