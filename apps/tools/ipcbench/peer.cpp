#include "apps/tools/ipcbench/peer.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include "apps/tools/ipcbench/fd_io.h"

namespace sb::ipcbench {
namespace {

// A forked peer that loses its parent or hangs must not outlive the run.
constexpr unsigned kChildWatchdogSeconds = 300;

PhaseReport serveOne(Endpoint& end, const Command& command, std::vector<uint8_t>& buffer) {
  PhaseReport report;
  buffer.resize(command.bytes);
  uint8_t* data = buffer.data();
  const size_t size = buffer.size();
  bool ok = true;
  if (command.phase == Command::kPingPong) {
    for (uint64_t i = 0; ok && i < command.count; ++i) {
      ok = end.receive(data, size) && end.send(data, size);
      // Checksummed after the echo, off the parent's clock.
      if (ok) report.received.add(data, size);
      if (ok) report.sent.add(data, size);
    }
  } else {
    // The receiver touches every byte inside the timed loop, as a real consumer would.
    for (uint64_t i = 0; ok && i < command.count; ++i) {
      ok = end.receive(data, size);
      if (ok) report.received.add(data, size);
    }
    uint64_t ack = command.count;
    ok = ok && end.send(reinterpret_cast<uint8_t*>(&ack), sizeof ack);
  }
  report.ok = ok ? 1 : 0;
  report.error = ok ? 0 : errno;
  return report;
}

void serve(Endpoint& end, int commands, int reports) {
  std::vector<uint8_t> buffer;
  Command command;
  while (readFull(commands, &command, sizeof command) && command.phase != Command::kQuit) {
    const PhaseReport report = serveOne(end, command, buffer);
    if (!writeFull(reports, &report, sizeof report) || !report.ok) return;
  }
}

bool makePipe(UniqueFd& read_end, UniqueFd& write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end = UniqueFd(fds[0]);
  write_end = UniqueFd(fds[1]);
  return true;
}

}  // namespace

std::unique_ptr<Peer> Peer::start(EndpointPair& pair, std::string& error) {
  std::unique_ptr<Peer> peer(new Peer);
  peer->parent_end_ = pair.parent.get();
  UniqueFd command_read, report_write;
  if (!makePipe(command_read, peer->commands_) || !makePipe(peer->reports_, report_write)) {
    error = std::string("pipe: ") + std::strerror(errno);
    return nullptr;
  }
  if (pair.peer == PeerKind::kThread) {
    peer->thread_end_ = std::move(pair.child);
    peer->thread_ = std::thread([end = peer->thread_end_.get(), in = std::move(command_read),
                                 out = std::move(report_write)] { serve(*end, in.get(), out.get()); });
    return peer;
  }
  peer->pid_ = ::fork();
  if (peer->pid_ < 0) {
    error = std::string("fork: ") + std::strerror(errno);
    return nullptr;
  }
  if (peer->pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    ::alarm(kChildWatchdogSeconds);
    // Dropping the parent's ends makes a dead parent visible as end of file.
    pair.parent.reset();
    peer->commands_.reset();
    peer->reports_.reset();
    serve(*pair.child, command_read.get(), report_write.get());
    ::_exit(0);
  }
  pair.child.reset();
  return peer;
}

bool Peer::begin(const Command& command) { return writeFull(commands_.get(), &command, sizeof command); }

std::optional<PhaseReport> Peer::finish() {
  PhaseReport report;
  if (!readFull(reports_.get(), &report, sizeof report)) return std::nullopt;
  return report;
}

void Peer::abandon() {
  if (pid_ > 0) ::kill(pid_, SIGKILL);
  if (thread_.joinable()) parent_end_->abort();
}

Peer::~Peer() {
  // Closing the command pipe is the quit signal; then wait, so no child or thread outlives us.
  commands_.reset();
  if (pid_ > 0) {
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  if (thread_.joinable()) thread_.join();
}

}  // namespace sb::ipcbench
