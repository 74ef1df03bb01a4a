// POSIX message queues: kernel-held queues of whole messages with a name (so unrelated processes
// can open them) and a per-message cap, /proc/sys/fs/mqueue/msgsize_max (8192 by default). We do
// not raise the system setting; larger messages go as pieces of the cap.
#include <fcntl.h>
#include <mqueue.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "apps/tools/ipcbench/kinds.h"

namespace sb::ipcbench {
namespace {

// A dead peer never closes a queue, so every wait has a deadline.
constexpr int kTimeoutSeconds = 10;

long readProcLong(const char* path, long fallback) {
  long value = fallback;
  std::ifstream(path) >> value;
  return value > 0 ? value : fallback;
}

timespec deadline() {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_sec += kTimeoutSeconds;
  return ts;
}

class QueueEndpoint : public Endpoint {
 public:
  QueueEndpoint(mqd_t in, mqd_t out, size_t chunk) : in_(in), out_(out), chunk_(chunk), scratch_(chunk) {}
  ~QueueEndpoint() override {
    ::mq_close(in_);
    ::mq_close(out_);
  }

  bool send(const uint8_t* data, size_t size) override {
    for (size_t done = 0; done < size;) {
      const size_t n = std::min(chunk_, size - done);
      const timespec until = deadline();
      if (::mq_timedsend(out_, reinterpret_cast<const char*>(data + done), n, 0, &until) != 0) {
        if (errno == EINTR) continue;
        return false;
      }
      done += n;
    }
    return true;
  }

  bool receive(uint8_t* data, size_t size) override {
    for (size_t done = 0; done < size;) {
      const size_t n = std::min(chunk_, size - done);
      // mq_receive wants room for the largest possible message: a short last piece goes through
      // scratch space, full pieces land in place.
      char* target = n == chunk_ ? reinterpret_cast<char*>(data + done) : scratch_.data();
      const timespec until = deadline();
      const ssize_t got = ::mq_timedreceive(in_, target, chunk_, nullptr, &until);
      if (got < 0 && errno == EINTR) continue;
      if (got != static_cast<ssize_t>(n)) {
        if (got >= 0) errno = EMSGSIZE;
        return false;
      }
      if (target == scratch_.data()) std::memcpy(data + done, scratch_.data(), n);
      done += n;
    }
    return true;
  }

 private:
  mqd_t in_;
  mqd_t out_;
  size_t chunk_;
  std::vector<char> scratch_;
};

// Opens a fresh queue for both directions' use and unlinks its name at once: the descriptors
// stay valid across fork and nothing outlives the run.
mqd_t openQueue(const std::string& name, long max_messages, long message_bytes, int flags) {
  mq_attr attr{};
  attr.mq_maxmsg = max_messages;
  attr.mq_msgsize = message_bytes;
  const mqd_t q = ::mq_open(name.c_str(), O_CREAT | O_EXCL | flags | O_CLOEXEC, 0600, &attr);
  if (q != static_cast<mqd_t>(-1)) ::mq_unlink(name.c_str());
  return q;
}

}  // namespace

EndpointPair openMessageQueue() {
  const long chunk = std::min(readProcLong("/proc/sys/fs/mqueue/msgsize_max", 8192), 64L * 1024);
  long depth = std::min(readProcLong("/proc/sys/fs/mqueue/msg_max", 10), 10L);
  const std::string base = "/sb-ipcbench-" + std::to_string(::getpid());
  mqd_t down = -1, up = -1;
  // RLIMIT_MSGQUEUE caps the bytes of all of a user's queues; shallower queues fit under it.
  for (; depth >= 1; depth /= 2) {
    down = openQueue(base + "-down", depth, chunk, O_RDWR);
    if (down == -1 && errno == EMFILE) continue;
    up = openQueue(base + "-up", depth, chunk, O_RDWR);
    if (up != -1 || errno != EMFILE) break;
    ::mq_close(down);
    down = -1;
  }
  if (down == -1 || up == -1) {
    const std::string why = std::string("mq_open: ") + std::strerror(errno);
    if (down != -1) ::mq_close(down);
    return {.error = why};
  }
  // Each side holds both descriptors (the child's copies of the parent's are closed with the
  // parent's endpoint), so duplicate them for the second endpoint.
  const mqd_t down2 = ::fcntl(down, F_DUPFD_CLOEXEC, 0);
  const mqd_t up2 = ::fcntl(up, F_DUPFD_CLOEXEC, 0);
  EndpointPair pair;
  pair.parent = std::make_unique<QueueEndpoint>(up, down, static_cast<size_t>(chunk));
  pair.child = std::make_unique<QueueEndpoint>(down2, up2, static_cast<size_t>(chunk));
  if (down2 == -1 || up2 == -1) return {.error = "dup of a message queue descriptor failed"};
  pair.chunk_bytes = static_cast<size_t>(chunk);
  pair.note = "mqueue: messages over " + std::to_string(chunk) +
              " B go as pieces (/proc/sys/fs/mqueue/msgsize_max = " +
              std::to_string(readProcLong("/proc/sys/fs/mqueue/msgsize_max", 8192)) + ", queue depth " +
              std::to_string(depth) + ")";
  return pair;
}

}  // namespace sb::ipcbench
